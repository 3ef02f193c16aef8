using System.Diagnostics;
using LiveStack.Benchmarks.Client;
using LiveStack.Client;
using Microsoft.EntityFrameworkCore;

namespace LiveStack.Benchmarks.LiveData;

/// <summary>Something that creates todo items as fast as it can, from several concurrent loops.</summary>
internal interface IWriter
{
    /// <summary>Creates one row stamped <paramref name="sentAt"/> (a <see cref="Stopwatch"/> timestamp); returns when it is committed (and, for live CRUD, its deltas went out).</summary>
    Task CreateAsync(int writer, long sentAt, CancellationToken cancellationToken);
}

/// <summary>(a) Plain EF Core: a new context per row, one Add and one SaveChanges, as a request handler would.</summary>
internal sealed class PlainEfWriter(DbContextOptions<BenchDb> options) : IWriter
{
    public async Task CreateAsync(int writer, long sentAt, CancellationToken cancellationToken)
    {
        await using var db = new BenchDb(options);
        db.TodoItems.Add(new TodoItem { Title = "plain", SentAt = sentAt });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>(b) Live CRUD: <c>todo_item.create</c> with kwargs <c>{title, sentAt}</c>, one <see cref="WampSession"/> per writer.</summary>
internal sealed class LiveCrudWriter : IWriter, IAsyncDisposable
{
    private readonly WampSession[] _sessions;

    private LiveCrudWriter(WampSession[] sessions) => _sessions = sessions;

    public int Count => _sessions.Length;

    public static async Task<LiveCrudWriter> ConnectAsync(string url, int count, CancellationToken cancellationToken)
    {
        var sessions = new WampSession[count];
        for (var i = 0; i < count; i++)
        {
            sessions[i] = await WampSession.ConnectAsync(url, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return new LiveCrudWriter(sessions);
    }

    public Task CreateAsync(int writer, long sentAt, CancellationToken cancellationToken) =>
        _sessions[writer % _sessions.Length].CallAsync("todo_item.create", argumentsKeywords: Row("live", sentAt), cancellationToken: cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            await session.LeaveAsync().ConfigureAwait(false);
        }
    }

    private static Dictionary<string, object?> Row(string title, long sentAt) =>
        new(StringComparer.Ordinal) { ["title"] = title, ["sentAt"] = sentAt };
}

/// <summary>The pub/sub reference: an acknowledged publication of a delta-shaped event (what one live-query subscriber gets per create), one <see cref="WampSession"/> per writer.</summary>
internal sealed class PublishWriter : IWriter, IAsyncDisposable
{
    public const string Topic = "bench.reference";

    private static readonly PublishOptions Acknowledged = new() { Acknowledge = true };
    private readonly WampSession[] _sessions;
    private long _id;

    private PublishWriter(WampSession[] sessions) => _sessions = sessions;

    public static async Task<PublishWriter> ConnectAsync(string url, int count, CancellationToken cancellationToken)
    {
        var sessions = new WampSession[count];
        for (var i = 0; i < count; i++)
        {
            sessions[i] = await WampSession.ConnectAsync(url, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return new PublishWriter(sessions);
    }

    public Task CreateAsync(int writer, long sentAt, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _id);
        var row = new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = id, ["title"] = "live", ["done"] = false, ["sentAt"] = sentAt };
        var delta = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["type"] = "delta",
            ["version"] = id,
            ["added"] = new List<object?> { new Dictionary<string, object?>(StringComparer.Ordinal) { ["row"] = row, ["index"] = 0L } },
            ["changed"] = new List<object?>(),
            ["removed"] = new List<object?> { id - 50 },
        };
        return _sessions[writer % _sessions.Length].PublishAsync(Topic, [delta], null, Acknowledged, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            await session.LeaveAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>Runs closed-loop writers: each awaits its create before starting the next; counts completions and the latency of calls started inside the window.</summary>
internal sealed class WriterLoops
{
    private readonly LatencyHistogram[] _latencies;
    private long _completed;
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;

    public WriterLoops(int writers) => _latencies = [.. Enumerable.Range(0, writers).Select(_ => new LatencyHistogram())];

    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Records the latency of creates started from <paramref name="windowStart"/> (a <see cref="Stopwatch"/> timestamp) on.</summary>
    public void StartWindow(long windowStart) => Volatile.Write(ref _windowStart, windowStart);

    /// <summary>Stops recording for creates started from <paramref name="windowEnd"/> on.</summary>
    public void EndWindow(long windowEnd) => Volatile.Write(ref _windowEnd, windowEnd);

    /// <summary>Call latencies of all writers; read after the loops stopped.</summary>
    public LatencyHistogram Latency()
    {
        var all = new LatencyHistogram();
        foreach (var latency in _latencies)
        {
            all.Add(latency);
        }

        return all;
    }

    public Task RunAsync(IWriter writer, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, _latencies.Length).Select(i => Task.Run(() => LoopAsync(writer, i, stop), CancellationToken.None)));

    private async Task LoopAsync(IWriter writer, int index, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            await writer.CreateAsync(index, start, CancellationToken.None).ConfigureAwait(false);
            if (start >= Volatile.Read(ref _windowStart) && start < Volatile.Read(ref _windowEnd))
            {
                _latencies[index].Record((long)Stopwatch.GetElapsedTime(start).TotalNanoseconds);
            }

            Interlocked.Increment(ref _completed);
        }
    }
}
