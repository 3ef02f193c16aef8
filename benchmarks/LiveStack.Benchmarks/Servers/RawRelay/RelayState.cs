using System.Collections.Concurrent;
using System.Text;

namespace LiveStack.Benchmarks.Servers.RawRelay;

/// <summary>The relay's shared tables: topics, open connections (to route call results back) and the callee.</summary>
internal sealed class RelayState
{
    private readonly ConcurrentDictionary<string, RelayTopic> _topics = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RelayTopic>.AlternateLookup<ReadOnlySpan<char>> _topicsBySpan;
    private readonly ConcurrentDictionary<int, RelayConnection> _connections = new();
    private volatile RelayConnection? _callee;
    private int _lastConnectionId;
    private long _lastTopicId;
    private long _lastPublicationId;

    public RelayState()
    {
        _topicsBySpan = _topics.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public RelayConnection? Callee
    {
        get => _callee;
        set => _callee = value;
    }

    public int NextConnectionId() => Interlocked.Increment(ref _lastConnectionId);

    public long NextPublicationId() => Interlocked.Increment(ref _lastPublicationId);

    public void Add(RelayConnection connection) => _connections[connection.Id] = connection;

    public RelayConnection? FindConnection(int id) => _connections.GetValueOrDefault(id);

    public RelayTopic Subscribe(string topic, RelayConnection connection)
    {
        var entry = _topics.GetOrAdd(topic, static (_, state) => new RelayTopic(Interlocked.Increment(ref state._lastTopicId)), this);
        entry.Add(connection);
        return entry;
    }

    /// <summary>Looks a topic up by its UTF-8 bytes without allocating a string.</summary>
    public RelayTopic? FindTopic(ReadOnlySpan<byte> utf8)
    {
        Span<char> name = stackalloc char[Encoding.UTF8.GetMaxCharCount(utf8.Length)];
        var length = Encoding.UTF8.GetChars(utf8, name);
        return _topicsBySpan.TryGetValue(name[..length], out var topic) ? topic : null;
    }

    public void Remove(RelayConnection connection, IEnumerable<RelayTopic> topics)
    {
        _connections.TryRemove(connection.Id, out _);
        Interlocked.CompareExchange(ref _callee, null, connection);
        foreach (var topic in topics)
        {
            topic.Remove(connection);
        }
    }
}
