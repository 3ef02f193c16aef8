namespace LiveStack.Benchmarks.Servers.SignalR;

/// <summary>The connection that registered as the callee; the hub forwards calls to it.</summary>
internal sealed class CalleeDirectory
{
    private volatile string? _connectionId;

    public string? ConnectionId
    {
        get => _connectionId;
        set => _connectionId = value;
    }
}
