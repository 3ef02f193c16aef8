namespace LiveStack.Client;

/// <summary>A procedure registered on one session. Dispose or unregister to stop receiving calls.</summary>
public sealed class WampRegistration : IAsyncDisposable
{
    private readonly WampSession _session;

    internal WampRegistration(WampSession session, long id, string procedure)
    {
        _session = session;
        Id = id;
        Procedure = procedure;
    }

    /// <summary>The router's registration id.</summary>
    public long Id { get; }

    /// <summary>The procedure URI (or pattern) registered.</summary>
    public string Procedure { get; }

    /// <summary>Stops receiving calls.</summary>
    public Task UnregisterAsync(CancellationToken cancellationToken = default) => _session.UnregisterAsync(this, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await UnregisterAsync().ConfigureAwait(false);
}
