namespace LiveStack.Client;

/// <summary>A handler subscribed to a topic on one session. Dispose or unsubscribe to stop receiving events.</summary>
public sealed class WampSubscription : IAsyncDisposable
{
    private readonly WampSession _session;

    internal WampSubscription(WampSession session, long id, string topic, Func<WampEvent, CancellationToken, ValueTask> handler)
    {
        _session = session;
        Id = id;
        Topic = topic;
        Handler = handler;
    }

    /// <summary>The router's subscription id.</summary>
    public long Id { get; }

    /// <summary>The topic (or pattern) subscribed to.</summary>
    public string Topic { get; }

    internal Func<WampEvent, CancellationToken, ValueTask> Handler { get; }

    /// <summary>Stops this handler; the router subscription ends when its last local handler does.</summary>
    public Task UnsubscribeAsync(CancellationToken cancellationToken = default) => _session.UnsubscribeAsync(this, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await UnsubscribeAsync().ConfigureAwait(false);
}
