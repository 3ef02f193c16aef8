namespace LiveStack.Benchmarks.Servers.RawRelay;

/// <summary>A topic's subscribers, copy-on-write so a publish reads them without a lock.</summary>
internal sealed class RelayTopic(long id)
{
    private readonly Lock _gate = new();
    private volatile RelayConnection[] _subscribers = [];

    public long Id => id;

    public RelayConnection[] Subscribers => _subscribers;

    public void Add(RelayConnection connection)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers, connection];
        }
    }

    public void Remove(RelayConnection connection)
    {
        lock (_gate)
        {
            _subscribers = Array.FindAll(_subscribers, s => s != connection);
        }
    }
}
