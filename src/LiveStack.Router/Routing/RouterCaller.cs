using System.Collections.Concurrent;
using LiveStack.Router.Auth;
using LiveStack.Router.Sessions;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;

namespace LiveStack.Router.Routing;

/// <summary>
/// The router's own session in a realm. It calls procedures that components registered for the
/// router — dynamic authenticators and authorizers, Crossbar-style — through the ordinary dealer,
/// so those calls get the same routing, timeouts and cleanup as any other.
/// </summary>
internal sealed class RouterCaller : IDisposable
{
    /// <summary>The role of the router's own session; it bypasses authorization.</summary>
    public const string Role = "livestack.router";

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    private readonly RouterSession _session;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<WampMessage>> _pending = new();
    private long _lastRequest;

    private RouterCaller(RouterSession session)
    {
        _session = session;
        _ = PumpAsync();
    }

    public static RouterCaller Join(WampRouter router, string realm)
    {
        var transport = new TransportDetails(TransportDetails.InternalType, "none", null)
        {
            AuthenticatedUser = new WampPrincipal(Role, Role),
        };
        var session = new RouterSession(router, transport);
        var roles = new Dictionary<string, object?> { ["caller"] = new Dictionary<string, object?>() };
        // With a transport identity the handshake completes synchronously: no challenge, no I/O.
        session.ReceiveAsync(new HelloMessage(realm, new Dictionary<string, object?> { ["roles"] = roles })).AsTask().GetAwaiter().GetResult();
        return new RouterCaller(session);
    }

    /// <summary>Calls a procedure; returns the RESULT, or throws <see cref="RouterCallException"/> with the ERROR's URI.</summary>
    public async Task<ResultMessage> CallAsync(string procedure, IReadOnlyList<object?> arguments, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<WampMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _lastRequest = WampIds.Next(_lastRequest);
            _pending[_lastRequest] = completion;
            var options = new Dictionary<string, object?> { ["timeout"] = (long)CallTimeout.TotalMilliseconds };
            await _session.ReceiveAsync(new CallMessage(_lastRequest, options, procedure, arguments)).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }

        return await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false) switch
        {
            ResultMessage result => result,
            ErrorMessage error => throw new RouterCallException(error.Error, error.Arguments.ArgAt(0) as string),
            var other => throw new RouterCallException(WampErrors.ProtocolViolation, $"Unexpected {other.Code}."),
        };
    }

    public void Dispose()
    {
        _session.Dispose();
        _sendLock.Dispose();
    }

    private async Task PumpAsync()
    {
        await foreach (var outgoing in _session.Outgoing.ReadAllAsync().ConfigureAwait(false))
        {
            _session.OnMessageSent();
            if (outgoing.Message is GoodbyeMessage)
            {
                // The router is shutting down: answer at once rather than make it wait out the timeout.
                await _session.ReceiveAsync(new GoodbyeMessage(RouterSession.EmptyDetails, WampErrors.GoodbyeAndOut)).ConfigureAwait(false);
                continue;
            }

            var request = outgoing.Message switch
            {
                ResultMessage result => result.Request,
                ErrorMessage error => error.Request,
                _ => 0,
            };
            if (_pending.TryRemove(request, out var completion))
            {
                completion.TrySetResult(outgoing.Message);
            }
        }
    }
}

/// <summary>A procedure the router called answered with an ERROR.</summary>
internal sealed class RouterCallException(string error, string? detail) : Exception($"{error}: {detail}")
{
    public string Error { get; } = error;
}
