using System.Collections.Concurrent;
using System.Threading.Channels;
using LiveStack.Client.Transports;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveStack.Client;

/// <summary>
/// One WAMP session joined to a realm over one connection. It ends when the connection does;
/// <c>LiveClient</c> builds reconnects on top of it.
/// </summary>
/// <remarks>
/// One loop reads the connection. Replies complete their requests on that loop; events go to a
/// second loop that runs subscription handlers one at a time in arrival order; each invocation
/// runs as its own task. A slow handler therefore never stops replies from arriving, and a
/// failing handler becomes a log line (and, for a procedure, an ERROR to the caller).
/// </remarks>
public sealed partial class WampSession : IAsyncDisposable
{
    private static readonly IReadOnlyDictionary<string, object?> NoOptions = WampException.EmptyDictionary;

    private readonly IWampConnection _connection;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, PendingRequest> _pending = new();
    private readonly CancellationTokenSource _receiveStop = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<WampSessionEnd> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<(WampEvent Event, SubscriptionState Subscription)> _events =
        Channel.CreateUnbounded<(WampEvent, SubscriptionState)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly SemaphoreSlim _requestLock = new(1, 1);
    private long _lastRequestId;
    private int _leaving;
    private int _ended;
    private Task _receiveLoop = Task.CompletedTask;
    private Task _eventLoop = Task.CompletedTask;

    private WampSession(IWampConnection connection, WampSessionOptions options)
    {
        _connection = connection;
        Options = options;
        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("LiveStack.Client");
    }

    /// <summary>The session id the router assigned.</summary>
    public long Id { get; private set; }

    /// <summary>The realm joined.</summary>
    public string Realm => Options.Realm;

    /// <summary>The identity the router gave the session.</summary>
    public string? AuthId { get; private set; }

    /// <summary>The role the router gave the session.</summary>
    public string? AuthRole { get; private set; }

    /// <summary>The WELCOME details (roles and features the router announced, auth details).</summary>
    public IReadOnlyDictionary<string, object?> WelcomeDetails { get; private set; } = NoOptions;

    /// <summary>What the session was joined with.</summary>
    public WampSessionOptions Options { get; }

    /// <summary>Completes when the session has ended, however it ended.</summary>
    public Task<WampSessionEnd> Completion => _completion.Task;

    /// <summary>True until the session ends.</summary>
    public bool IsOpen => !_completion.Task.IsCompleted;

    /// <summary>Fires when the session starts to end; handlers get it as their cancellation token.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Opens a connection with <paramref name="connector"/> and joins a realm.</summary>
    public static async Task<WampSession> ConnectAsync(IWampConnector connector, WampSessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var connection = await connector.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await JoinAsync(connection, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Connects to a router URL (<c>ws://</c>, <c>wss://</c>, <c>rs://</c>) with JSON and joins a realm.</summary>
    public static Task<WampSession> ConnectAsync(string url, WampSessionOptions? options = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(WampConnectors.FromUrl(url), options, cancellationToken);

    /// <summary>Joins a realm over an open connection. The session owns the connection from here on, even when joining fails.</summary>
    /// <exception cref="WampException">The router refused the session (its ABORT reason is the URI).</exception>
    public static async Task<WampSession> JoinAsync(IWampConnection connection, WampSessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var session = new WampSession(connection, options ?? new WampSessionOptions());
        try
        {
            await session.HandshakeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        session._receiveLoop = session.ReceiveLoopAsync();
        session._eventLoop = session.EventLoopAsync();
        return session;
    }

    /// <summary>
    /// Leaves the realm with GOODBYE and waits (up to <see cref="WampSessionOptions.HandshakeTimeout"/>)
    /// for the router's reply, then closes the connection. Safe to call more than once.
    /// </summary>
    public async Task LeaveAsync(string reason = WampErrors.CloseNormal, string? message = null, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _leaving, 1) == 0 && IsOpen)
        {
            try
            {
                var details = message is null ? NoOptions : new Dictionary<string, object?>(StringComparer.Ordinal) { ["message"] = message };
                await _connection.SendAsync(new GoodbyeMessage(details, reason), cancellationToken).ConfigureAwait(false);
                await Completion.WaitAsync(Options.HandshakeTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WampException or TimeoutException or OperationCanceledException)
            {
                // The router did not answer in time or the connection is gone; closing below is all that is left.
            }
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Closes the connection at once (no GOODBYE) and waits for the session's loops to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        await _receiveStop.CancelAsync().ConfigureAwait(false);
        await _receiveLoop.ConfigureAwait(false);
        await _eventLoop.ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a request under the next request id and returns the id. The router requires request ids
    /// in sequence (previous + 1), so the id is taken and the request sent under one lock, and an id
    /// is used up only by a request that was sent: one canceled or refused before it left leaves no gap.
    /// <paramref name="pending"/>, when given, is registered under the id before the request leaves.
    /// </summary>
    private async Task<long> SendRequestAsync(Func<long, WampMessage> create, PendingRequest? pending, CancellationToken cancellationToken)
    {
        await _requestLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var requestId = _lastRequestId + 1;
            var message = create(requestId);
            if (pending is not null)
            {
                _pending[requestId] = pending;
            }

            try
            {
                // Read after the registration above; FinishAsync sets the flag before it fails what is pending.
                if (Interlocked.CompareExchange(ref _ended, 0, 0) == 1)
                {
                    throw new WampException(ClientErrors.ConnectionLost, "The session has ended.");
                }

                await SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                if (pending is not null)
                {
                    _pending.TryRemove(requestId, out _);
                }

                throw;
            }

            _lastRequestId = requestId;
            return requestId;
        }
        finally
        {
            _requestLock.Release();
        }
    }

    internal async ValueTask SendAsync(WampMessage message, CancellationToken cancellationToken)
    {
        if (!IsOpen)
        {
            throw new WampException(ClientErrors.ConnectionLost, "The session has ended.");
        }

        await _connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request and waits for its single reply; an ERROR reply throws <see cref="WampException"/>.</summary>
    private async Task<WampMessage> RequestAsync(Func<long, WampMessage> create, CancellationToken cancellationToken, Action<WampMessage>? onReply = null)
    {
        var pending = new PendingReply(onReply);
        var requestId = await SendRequestAsync(create, pending, cancellationToken).ConfigureAwait(false);
        try
        {
            return await pending.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(requestId, out _);
        }
    }

    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.HandshakeTimeout);
        var auth = Options.Authentication;
        await _connection.SendAsync(new HelloMessage(Options.Realm, ClientRoles.HelloDetails(auth)), timeout.Token).ConfigureAwait(false);
        while (true)
        {
            WampMessage? message;
            try
            {
                message = await _connection.ReceiveAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new WampException(WampErrors.Timeout, $"{_connection.Description} did not answer HELLO within {Options.HandshakeTimeout}.");
            }

            switch (message)
            {
                case WelcomeMessage welcome:
                    Id = welcome.Session;
                    WelcomeDetails = welcome.Details;
                    AuthId = welcome.Details.TryGetValue("authid", out var authId) ? authId as string : null;
                    AuthRole = welcome.Details.TryGetValue("authrole", out var authRole) ? authRole as string : null;
                    ClientLog.Joined(_logger, Options.Realm, Id, AuthId, AuthRole, _connection.Description);
                    return;
                case ChallengeMessage challenge when challenge.AuthMethod == auth.Method:
                    await _connection.SendAsync(new AuthenticateMessage(auth.Answer(challenge), NoOptions), timeout.Token).ConfigureAwait(false);
                    break;
                case AbortMessage abort:
                    throw new WampException(abort.Reason, [MessageOf(abort.Details) ?? $"The router refused to join realm {Options.Realm}."], abort.Details);
                case null:
                    throw new WampException(ClientErrors.ConnectionLost, $"{_connection.Description} closed the connection during the handshake.");
                default:
                    await TrySendAsync(new AbortMessage(MessageDetails("Unexpected message during the handshake."), WampErrors.ProtocolViolation)).ConfigureAwait(false);
                    throw new WampException(WampErrors.ProtocolViolation, $"The router sent {message.Code} during the handshake.");
            }
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var end = new WampSessionEnd(ClientErrors.ConnectionLost, "The connection closed.", false);
        try
        {
            while (true)
            {
                var message = await _connection.ReceiveAsync(_receiveStop.Token).ConfigureAwait(false);
                if (message is null)
                {
                    break;
                }

                if (Dispatch(message) is { } ended)
                {
                    end = ended;
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_receiveStop.IsCancellationRequested)
        {
            end = new WampSessionEnd(ClientErrors.ConnectionLost, "The client closed the connection.", true);
        }
        catch (WampProtocolException e)
        {
            ClientLog.ProtocolViolation(_logger, Id, e.Message);
            await TrySendAsync(new AbortMessage(MessageDetails(e.Message), WampErrors.ProtocolViolation)).ConfigureAwait(false);
            end = new WampSessionEnd(WampErrors.ProtocolViolation, e.Message, false);
        }
        catch (Exception e) when (e is IOException or System.Net.WebSockets.WebSocketException or ObjectDisposedException)
        {
            end = new WampSessionEnd(ClientErrors.ConnectionLost, e.Message, false);
        }

        await FinishAsync(end).ConfigureAwait(false);
    }

    /// <summary>Handles one message on the receive loop; returns how the session ended when the message ends it.</summary>
    private WampSessionEnd? Dispatch(WampMessage message)
    {
        switch (message)
        {
            case ResultMessage result:
                CompleteRequest(result.Request, result);
                return null;
            case SubscribedMessage subscribed:
                CompleteRequest(subscribed.Request, subscribed);
                return null;
            case UnsubscribedMessage unsubscribed:
                CompleteRequest(unsubscribed.Request, unsubscribed);
                return null;
            case PublishedMessage published:
                CompleteRequest(published.Request, published);
                return null;
            case RegisteredMessage registered:
                CompleteRequest(registered.Request, registered);
                return null;
            case UnregisteredMessage unregistered:
                CompleteRequest(unregistered.Request, unregistered);
                return null;
            case ErrorMessage error:
                FailRequest(error);
                return null;
            case EventMessage @event:
                QueueEvent(@event);
                return null;
            case InvocationMessage invocation:
                StartInvocation(invocation);
                return null;
            case InterruptMessage interrupt:
                Interrupt(interrupt);
                return null;
            case GoodbyeMessage goodbye:
                var requested = Volatile.Read(ref _leaving) == 1;
                if (!requested)
                {
                    _ = TrySendAsync(new GoodbyeMessage(NoOptions, WampErrors.GoodbyeAndOut));
                }

                return new WampSessionEnd(goodbye.Reason, MessageOf(goodbye.Details), requested);
            case AbortMessage abort:
                return new WampSessionEnd(abort.Reason, MessageOf(abort.Details), false);
            default:
                throw new WampProtocolException($"A client does not expect {message.Code} from the router.");
        }
    }

    private void CompleteRequest(long requestId, WampMessage reply)
    {
        if (!_pending.TryGetValue(requestId, out var pending))
        {
            ClientLog.LateReply(_logger, Id, reply.Code.ToString(), requestId);
            return;
        }

        if (pending.OnReply(reply))
        {
            _pending.TryRemove(requestId, out _);
        }
    }

    // An ERROR for a request no longer pending is expected after a canceled call; it is not a fault.
    private void FailRequest(ErrorMessage error)
    {
        if (_pending.TryRemove(error.Request, out var pending))
        {
            pending.Fail(WampException.FromError(error));
        }
        else
        {
            ClientLog.LateReply(_logger, Id, error.Code.ToString(), error.Request);
        }
    }

    private async Task FinishAsync(WampSessionEnd end)
    {
        Interlocked.Exchange(ref _ended, 1);
        try
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
        catch (AggregateException e)
        {
            // A handler's callback on Stopping threw; the session must still end.
            ClientLog.HookFailed(_logger, "Stopping callback", e);
        }

        _events.Writer.TryComplete();
        var lost = new WampException(ClientErrors.ConnectionLost, $"The session ended ({end.Reason}) before the router answered.");
        foreach (var requestId in _pending.Keys)
        {
            if (_pending.TryRemove(requestId, out var pending))
            {
                pending.Fail(lost);
            }
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
        ClientLog.SessionEnded(_logger, Id, end.Message is null ? end.Reason : $"{end.Reason} ({end.Message})");
        _completion.TrySetResult(end);
    }

    private async Task TrySendAsync(WampMessage message)
    {
        try
        {
            await _connection.SendAsync(message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WampException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // Best effort: the connection is on its way down.
        }
    }

    private static string? MessageOf(IReadOnlyDictionary<string, object?> details) =>
        details.TryGetValue("message", out var message) ? message as string : null;

    private static Dictionary<string, object?> MessageDetails(string message) =>
        new(StringComparer.Ordinal) { ["message"] = message };
}
