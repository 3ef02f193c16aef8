namespace LiveStack.Client;

public sealed partial class LiveClient
{
    /// <summary>Calls a procedure on the ready session, waiting for one if the client is (re)connecting.</summary>
    /// <exception cref="WampException">The call failed, or the connection was lost while it was in flight (<see cref="ClientErrors.ConnectionLost"/>).</exception>
    public async Task<WampResult> CallAsync(string procedure, IReadOnlyList<object?>? arguments = null, IReadOnlyDictionary<string, object?>? argumentsKeywords = null, CallOptions? options = null, CancellationToken cancellationToken = default)
    {
        var session = await WhenReadyAsync(cancellationToken).ConfigureAwait(false);
        return await session.CallAsync(procedure, arguments, argumentsKeywords, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Calls a procedure with CLR arguments and converts the result (see <see cref="WampPayload.As{T}"/>).</summary>
    public async Task<T?> CallAsync<T>(string procedure, params object?[] arguments)
    {
        var session = await WhenReadyAsync().ConfigureAwait(false);
        return await session.CallAsync<T>(procedure, arguments).ConfigureAwait(false);
    }

    /// <summary>Calls a procedure with CLR arguments under a cancellation token and converts the result.</summary>
    public async Task<T?> CallAsync<T>(string procedure, IEnumerable<object?> arguments, CancellationToken cancellationToken)
    {
        var session = await WhenReadyAsync(cancellationToken).ConfigureAwait(false);
        return await session.CallAsync<T>(procedure, arguments, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Calls a procedure asking for progressive results (see <see cref="WampSession.CallProgressiveAsync(string, IReadOnlyList{object?}?, IReadOnlyDictionary{string, object?}?, CallOptions?, CancellationToken)"/>).</summary>
    public async IAsyncEnumerable<T?> CallProgressiveAsync<T>(string procedure, IReadOnlyList<object?>? arguments = null, CallOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var session = await WhenReadyAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var part in session.CallProgressiveAsync<T>(procedure, arguments, options, cancellationToken).ConfigureAwait(false))
        {
            yield return part;
        }
    }

    /// <summary>Publishes on the ready session, waiting for one if the client is (re)connecting.</summary>
    public async Task<long?> PublishAsync(string topic, IReadOnlyList<object?>? arguments = null, IReadOnlyDictionary<string, object?>? argumentsKeywords = null, PublishOptions? options = null, CancellationToken cancellationToken = default)
    {
        var session = await WhenReadyAsync(cancellationToken).ConfigureAwait(false);
        return await session.PublishAsync(topic, arguments, argumentsKeywords, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Publishes CLR values as positional arguments.</summary>
    public async Task<long?> PublishAsync(string topic, params object?[] arguments)
    {
        var session = await WhenReadyAsync().ConfigureAwait(false);
        return await session.PublishAsync(topic, arguments).ConfigureAwait(false);
    }
}
