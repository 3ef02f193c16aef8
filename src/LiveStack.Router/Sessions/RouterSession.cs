using System.Threading.Channels;
using LiveStack.Router.Auth;
using LiveStack.Router.Meta;
using LiveStack.Router.Routing;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;
using Microsoft.Extensions.Logging;

namespace LiveStack.Router.Sessions;

/// <summary>
/// One client's session on the router. A transport feeds it inbound messages, one at a time,
/// through <see cref="ReceiveAsync"/> and drains <see cref="Outgoing"/> with a single writer; the
/// session owns the state machine and its bounded outbound queue.
/// </summary>
/// <remarks>
/// The transport's contract: call <see cref="ReceiveAsync"/>, <see cref="ReceiveMalformed"/> and
/// <see cref="ReceiveOversized"/> from one loop; write every message read from
/// <see cref="Outgoing"/> as one transport message; close the transport when the reader
/// completes (after flushing) or at once when <see cref="Aborted"/> fires; call
/// <see cref="TransportClosed"/> when the connection is gone, whatever the cause.
/// </remarks>
public sealed class RouterSession : IDisposable
{
    private readonly WampRouter _router;
    private readonly Channel<OutgoingMessage> _outbox;
    private readonly CancellationTokenSource _aborted = new();
    private int _state = (int)SessionState.Establishing;
    private long _lastRequestId;
    private long _lastInvocationId;
    private long _droppedEvents;
    private ITimer? _helloTimer;
    private ITimer? _goodbyeTimer;
    private Handshake? _handshake;
    private HashSet<long>? _registrationIds;
    private List<Testament>? _testaments;

    internal RouterSession(WampRouter router, TransportDetails transport)
    {
        _router = router;
        Transport = transport;
        _outbox = Channel.CreateBounded<OutgoingMessage>(new BoundedChannelOptions(router.Options.OutboundQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _helloTimer = router.TimeProvider.CreateTimer(
            static state =>
            {
                var session = (RouterSession)state!;
                if (session.State is SessionState.Establishing or SessionState.Authenticating)
                {
                    session.Abort(WampErrors.ProtocolViolation, "The session was not established within the allowed time.");
                }
            },
            this,
            router.Options.HelloTimeout,
            Timeout.InfiniteTimeSpan);
    }

    /// <summary>The session id, assigned when WELCOME is sent; 0 before.</summary>
    public long Id { get; private set; }

    /// <summary>The current state.</summary>
    public SessionState State => (SessionState)Volatile.Read(ref _state);

    /// <summary>The transport the session arrived on.</summary>
    public TransportDetails Transport { get; }

    /// <summary>The authenticated identity, once established.</summary>
    public string? AuthId { get; private set; }

    /// <summary>The role the session was given, once established.</summary>
    public string? AuthRole { get; private set; }

    /// <summary>The authentication method used, once established.</summary>
    public string? AuthMethod { get; private set; }

    /// <summary>Who vouched for the identity, once established.</summary>
    public string? AuthProvider { get; private set; }

    /// <summary>Extra authentication information returned in WELCOME, once established.</summary>
    public IReadOnlyDictionary<string, object?>? AuthExtra { get; private set; }

    /// <summary>Messages to write to the transport, in order. Completes when the transport should close.</summary>
    public ChannelReader<OutgoingMessage> Outgoing => _outbox.Reader;

    /// <summary>Fires when the transport must close at once without flushing (for example, a slow consumer was cut off).</summary>
    public CancellationToken Aborted => _aborted.Token;

    /// <summary>How many EVENTs this session lost because its queue was full.</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    internal Realm? Realm { get; private set; }

    internal ClientRoles? Roles { get; private set; }

    internal string? RealmName => Realm?.Name;

    // The next three are guarded by the realm's gate.
    internal HashSet<long> SubscriptionIds { get; } = [];

    // Created on first use: most sessions never register or leave a testament, and idle sessions
    // should cost as little memory as possible.
    internal HashSet<long> RegistrationIds => _registrationIds ??= [];

    internal List<Testament> Testaments => _testaments ??= [];

    /// <summary>
    /// Handles one inbound message. Never throws for protocol faults: it aborts the session instead.
    /// Completes synchronously unless an authenticator or authorizer has to be awaited; the
    /// transport awaits it before reading the next message, which keeps messages in order.
    /// </summary>
    public async ValueTask ReceiveAsync(WampMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _router.Metrics.MessageReceived();
        try
        {
            switch (State)
            {
                case SessionState.Establishing:
                    await ReceiveHelloAsync(message).ConfigureAwait(false);
                    break;
                case SessionState.Authenticating:
                    await ReceiveAuthenticateAsync(message).ConfigureAwait(false);
                    break;
                case SessionState.Established:
                    await ReceiveWhileEstablishedAsync(message).ConfigureAwait(false);
                    break;
                case SessionState.ShuttingDown:
                    // The router said GOODBYE; only the reply matters now.
                    if (message is GoodbyeMessage or AbortMessage)
                    {
                        CompleteOutbox();
                    }

                    break;
                case SessionState.Closed:
                    break;
            }
        }
        catch (WampProtocolException e)
        {
            Abort(WampErrors.ProtocolViolation, e.Message);
        }
        catch (Exception e)
        {
            RouterLog.SessionFault(_router.Logger, Id, e);
            Abort(WampErrors.ProtocolViolation, "The router could not process the message.");
        }
    }

    /// <summary>Reports bytes that did not decode to a WAMP message; the session is aborted.</summary>
    public void ReceiveMalformed(string reason)
    {
        _router.Metrics.MessageReceived();
        Abort(WampErrors.ProtocolViolation, reason);
    }

    /// <summary>Reports a message larger than the transport accepts; the session is aborted.</summary>
    public void ReceiveOversized(long size, long limit) =>
        Abort(WampErrors.PayloadSizeExceeded, $"A message of {size} bytes exceeds the limit of {limit} bytes.");

    /// <summary>Reports that the connection is gone. The session leaves its realm at once.</summary>
    public void TransportClosed()
    {
        if (Interlocked.Exchange(ref _state, (int)SessionState.Closed) != (int)SessionState.Closed)
        {
            Leave();
        }

        CompleteOutbox();
    }

    /// <summary>Ends the session from the router's side with GOODBYE and waits briefly for the reply.</summary>
    public void Close(string reason, string? message = null)
    {
        if (!TryMoveTo(SessionState.Established, SessionState.ShuttingDown))
        {
            if (State is SessionState.Establishing or SessionState.Authenticating)
            {
                Abort(reason, message);
            }

            return;
        }

        Leave();
        SendFinal(new GoodbyeMessage(Details(message), reason));
        _goodbyeTimer = _router.TimeProvider.CreateTimer(
            static state => ((RouterSession)state!).CompleteOutbox(), this, _router.Options.GoodbyeTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Ends the session with ABORT; nothing more is routed to or from it.</summary>
    public void Abort(string reason, string? message = null)
    {
        var previous = (SessionState)Interlocked.Exchange(ref _state, (int)SessionState.Closed);
        if (previous == SessionState.Closed)
        {
            return;
        }

        RouterLog.SessionAborted(_router.Logger, Id, reason, message ?? string.Empty);
        if (previous != SessionState.ShuttingDown)
        {
            Leave();
        }

        SendFinal(new AbortMessage(Details(message), reason));
        CompleteOutbox();
    }

    /// <summary>Queues a message for this session only. False when it could not be queued.</summary>
    internal bool TrySend(WampMessage message) => TrySend(new OutgoingMessage(message, shared: false));

    /// <summary>
    /// Queues a message, never blocking. A full queue loses an EVENT (policy
    /// <see cref="SlowConsumerPolicy.DropEvents"/>) or ends the session; any other message
    /// that does not fit ends the session, because a lost reply would hang the peer.
    /// </summary>
    internal bool TrySend(OutgoingMessage message)
    {
        // Once the session is closing nothing but the final GOODBYE or ABORT (see SendFinal) goes out.
        if (State is SessionState.Closed or SessionState.ShuttingDown)
        {
            return false;
        }

        if (_outbox.Writer.TryWrite(message))
        {
            _router.Metrics.MessageQueued();
            return true;
        }

        if (message.IsDroppable && _router.Options.SlowConsumerPolicy == SlowConsumerPolicy.DropEvents)
        {
            _router.Metrics.EventDropped();
            if (Interlocked.Increment(ref _droppedEvents) % 1000 == 1)
            {
                RouterLog.EventsDropped(_router.Logger, Id, DroppedEvents);
            }

            return false;
        }

        RouterLog.SlowConsumerDisconnected(_router.Logger, Id, _router.Options.OutboundQueueCapacity);
        // Leaving the realm touches routing tables the caller may be walking, so it runs later.
        if (Interlocked.Exchange(ref _state, (int)SessionState.Closed) != (int)SessionState.Closed)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Leave(), this, preferLocal: false);
        }

        // Through CompleteOutbox, which also tells the router the session ended: completing the
        // writer directly left the transport's later CompleteOutbox with nothing to complete, so a
        // cut-off slow consumer stayed in SessionCount (and its address's session limit) forever.
        CompleteOutbox();
        try
        {
            _aborted.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The transport is already gone.
        }

        return false;
    }

    /// <summary>
    /// Ends the session if the transport did not (so a failed connection never holds a slot) and
    /// releases its timers and token; the transport calls it once the connection is closed.
    /// </summary>
    public void Dispose()
    {
        TransportClosed();
        _helloTimer?.Dispose();
        _goodbyeTimer?.Dispose();
        _aborted.Dispose();
    }

    /// <summary>Called by the transport's send loop for each message taken from <see cref="Outgoing"/>.</summary>
    public void OnMessageSent() => _router.Metrics.MessageSent();

    /// <summary>Queues the closing GOODBYE or ABORT, bypassing the state check; a full queue loses it, as the transport closes anyway.</summary>
    private void SendFinal(WampMessage message)
    {
        if (_outbox.Writer.TryWrite(new OutgoingMessage(message, shared: false)))
        {
            _router.Metrics.MessageQueued();
        }
    }

    internal long NextInvocationId()
    {
        _lastInvocationId = WampIds.Next(_lastInvocationId);
        return _lastInvocationId;
    }

    internal Dictionary<string, object?> DescribeForMeta() => new(StringComparer.Ordinal)
    {
        ["session"] = Id,
        ["authid"] = AuthId,
        ["authrole"] = AuthRole,
        ["authmethod"] = AuthMethod,
        ["authprovider"] = AuthProvider,
        ["transport"] = Transport.ToDict(),
    };

    private async ValueTask ReceiveHelloAsync(WampMessage message)
    {
        if (message is not HelloMessage hello)
        {
            throw new WampProtocolException($"Expected HELLO, got {message.Code}.");
        }

        if (!WampUri.IsValid(hello.Realm, _router.Options.StrictUris))
        {
            Abort(WampErrors.InvalidUri, $"'{hello.Realm}' is not a valid realm URI.");
            return;
        }

        var roles = ClientRoles.Parse(hello.Details);
        if (roles is null)
        {
            Abort(WampErrors.ProtocolViolation, "HELLO must announce at least one role (publisher, subscriber, caller or callee).");
            return;
        }

        var realm = _router.FindRealm(hello.Realm);
        if (realm is null)
        {
            Abort(WampErrors.NoSuchRealm, $"The realm '{hello.Realm}' does not exist.");
            return;
        }

        Roles = roles;
        Realm = realm;
        // The id exists from HELLO on, because a WAMP-CRA challenge carries it.
        Id = WampIds.NewGlobalId();
        _handshake = new Handshake(this, realm, hello);
        ContinueHandshake(await _handshake.StartAsync(_aborted.Token).ConfigureAwait(false));
    }

    private async ValueTask ReceiveAuthenticateAsync(WampMessage message)
    {
        if (message is not AuthenticateMessage authenticate)
        {
            throw new WampProtocolException($"Expected AUTHENTICATE, got {message.Code}.");
        }

        ContinueHandshake(await _handshake!.AuthenticateAsync(authenticate, _aborted.Token).ConfigureAwait(false));
    }

    private void ContinueHandshake(HandshakeStep step)
    {
        switch (step)
        {
            case HandshakeStep.Challenge when !_router.AuthFailures.MayAttempt(Transport.ClientAddress):
                Abort(LiveStackErrors.AuthenticationDenied, "Too many failed authentication attempts from this address; try again later.");
                break;
            case HandshakeStep.Challenge challenge:
                if (TryMoveTo(SessionState.Establishing, SessionState.Authenticating))
                {
                    TrySendHandshake(new ChallengeMessage(challenge.Method, challenge.Extra));
                }

                break;
            case HandshakeStep.Abort abort:
                if (abort.Reason == Handshake.AuthenticationFailed)
                {
                    _router.AuthFailures.Failed(Transport.ClientAddress);
                    RouterLog.AuthenticationFailed(_router.Logger, _handshake?.ClaimedAuthId, Transport.Peer, Realm!.Name, _handshake?.Method);
                }

                Abort(abort.Reason, abort.Message);
                break;
            case HandshakeStep.Welcome welcome:
                Welcome(welcome);
                break;
        }
    }

    private void Welcome(HandshakeStep.Welcome welcome)
    {
        if (!TryMoveTo(SessionState.Establishing, SessionState.Established) && !TryMoveTo(SessionState.Authenticating, SessionState.Established))
        {
            return;
        }

        _handshake = null;
        // Drop the timer (and its queue entry) for good: an established session may live for days.
        _helloTimer?.Dispose();
        _helloTimer = null;
        AuthId = welcome.Principal.AuthId;
        AuthRole = welcome.Principal.AuthRole;
        AuthMethod = welcome.Method;
        AuthProvider = welcome.Provider;
        AuthExtra = welcome.Principal.AuthExtra;
        var realm = Realm!;
        realm.Join(this, () => TrySend(new WelcomeMessage(Id, WelcomeDetails())));
        RouterLog.SessionJoined(_router.Logger, Id, realm.Name, AuthId, Transport.Type, Transport.Serializer);
    }

    /// <summary>CHALLENGE goes out before the session is established, when TrySend would refuse it.</summary>
    private void TrySendHandshake(WampMessage message)
    {
        if (_outbox.Writer.TryWrite(new OutgoingMessage(message, shared: false)))
        {
            _router.Metrics.MessageQueued();
        }
    }

    private async ValueTask ReceiveWhileEstablishedAsync(WampMessage message)
    {
        var realm = Realm!;
        if (IsRequest(message) && _router.RateLimiter is { } limiter && !limiter.TryAcquire(Id))
        {
            RejectOverLimit(message);
            return;
        }

        switch (message)
        {
            case PublishMessage m:
                CheckRequestId(m.Request);
                var publish = await AuthorizeAsync(WampAction.Publish, m.Topic, m.Options).ConfigureAwait(false);
                if (publish.Allowed)
                {
                    realm.Broker.Publish(this, m, publish.Disclose);
                }
                else if (m.Options.GetBool("acknowledge") == true)
                {
                    TrySend(Errors.Reply(m, publish.Error!, $"Not allowed to publish to '{m.Topic}'."));
                }

                break;
            case SubscribeMessage m:
                CheckRequestId(m.Request);
                var subscribe = await AuthorizeAsync(WampAction.Subscribe, m.Topic, m.Options).ConfigureAwait(false);
                if (subscribe.Allowed)
                {
                    realm.Broker.Subscribe(this, m);
                }
                else
                {
                    TrySend(Errors.Reply(m, subscribe.Error!, $"Not allowed to subscribe to '{m.Topic}'."));
                }

                break;
            case UnsubscribeMessage m:
                CheckRequestId(m.Request);
                realm.Broker.Unsubscribe(this, m);
                break;
            case CallMessage m:
                CheckRequestId(m.Request);
                var call = await AuthorizeAsync(WampAction.Call, m.Procedure, m.Options).ConfigureAwait(false);
                if (call.Allowed)
                {
                    realm.Dealer.Call(this, m, call.Disclose);
                }
                else
                {
                    TrySend(Errors.Call(m.Request, call.Error!, $"Not allowed to call '{m.Procedure}'."));
                }

                break;
            case CancelMessage m:
                realm.Dealer.Cancel(this, m);
                break;
            case RegisterMessage m:
                CheckRequestId(m.Request);
                var register = await AuthorizeAsync(WampAction.Register, m.Procedure, m.Options).ConfigureAwait(false);
                if (register.Allowed)
                {
                    realm.Dealer.Register(this, m);
                }
                else
                {
                    TrySend(Errors.Reply(m, register.Error!, $"Not allowed to register '{m.Procedure}'."));
                }

                break;
            case UnregisterMessage m:
                CheckRequestId(m.Request);
                realm.Dealer.Unregister(this, m);
                break;
            case YieldMessage m:
                realm.Dealer.Yield(this, m);
                break;
            case ErrorMessage { RequestType: MessageCode.Invocation } m:
                realm.Dealer.InvocationError(this, m);
                break;
            case GoodbyeMessage:
                if (TryMoveTo(SessionState.Established, SessionState.Closed))
                {
                    Leave();
                    SendFinal(new GoodbyeMessage(EmptyDetails, WampErrors.GoodbyeAndOut));
                    CompleteOutbox();
                }

                break;
            case AbortMessage:
                if (TryMoveTo(SessionState.Established, SessionState.Closed))
                {
                    Leave();
                    CompleteOutbox();
                }

                break;
            default:
                throw new WampProtocolException($"A client may not send {message.Code} here.");
        }
    }

    private static bool IsRequest(WampMessage message) =>
        message is PublishMessage or SubscribeMessage or UnsubscribeMessage or CallMessage or RegisterMessage or UnregisterMessage;

    /// <summary>Answers a request over the rate limit; the request id still counts, so the sequence stays intact.</summary>
    private void RejectOverLimit(WampMessage message)
    {
        var (code, request) = message switch
        {
            PublishMessage m => (MessageCode.Publish, m.Request),
            SubscribeMessage m => (MessageCode.Subscribe, m.Request),
            UnsubscribeMessage m => (MessageCode.Unsubscribe, m.Request),
            CallMessage m => (MessageCode.Call, m.Request),
            RegisterMessage m => (MessageCode.Register, m.Request),
            UnregisterMessage m => (MessageCode.Unregister, m.Request),
            _ => throw new ArgumentOutOfRangeException(nameof(message)),
        };
        CheckRequestId(request);
        if (message is not PublishMessage publish || publish.Options.GetBool("acknowledge") == true)
        {
            TrySend(new ErrorMessage(code, request, EmptyDetails, LiveStackErrors.RateLimitExceeded,
                [$"Too many requests: this router allows {_router.Options.MessagesPerSecond} per second per session."]));
        }
    }

    /// <summary>Asks the realm; a failing authorizer denies with <c>wamp.error.authorization_failed</c>.</summary>
    private async ValueTask<(bool Allowed, bool Disclose, string? Error)> AuthorizeAsync(WampAction action, string uri, IReadOnlyDictionary<string, object?> options)
    {
        try
        {
            var decision = await Realm!.Security.AuthorizeAsync(this, action, uri, options).ConfigureAwait(false);
            return (decision.Allowed, decision.Disclose, decision.Allowed ? null : WampErrors.NotAuthorized);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RouterLog.SecurityFault(_router.Logger, Realm!.Name, e);
            return (false, false, WampErrors.AuthorizationFailed);
        }
    }

    private void CheckRequestId(long request)
    {
        if (_router.Options.RequireSequentialRequestIds && request != WampIds.Next(_lastRequestId))
        {
            throw new WampProtocolException($"Request id {request} is out of sequence; expected {WampIds.Next(_lastRequestId)}.");
        }

        _lastRequestId = request;
    }

    private Dictionary<string, object?> WelcomeDetails() => new(StringComparer.Ordinal)
    {
        ["realm"] = Realm!.Name,
        ["authid"] = AuthId,
        ["authrole"] = AuthRole,
        ["authmethod"] = AuthMethod,
        ["authprovider"] = AuthProvider,
        ["authextra"] = AuthExtra ?? EmptyDetails,
        ["agent"] = WampRouter.Agent,
        ["roles"] = RouterRoles.Announced,
    };

    private void Leave()
    {
        _goodbyeTimer?.Dispose();
        Realm?.Leave(this);
        RouterLog.SessionLeft(_router.Logger, Id);
    }

    private void CompleteOutbox()
    {
        _goodbyeTimer?.Dispose();
        if (_outbox.Writer.TryComplete())
        {
            _router.SessionEnded(this);
        }
    }

    private bool TryMoveTo(SessionState from, SessionState to) =>
        Interlocked.CompareExchange(ref _state, (int)to, (int)from) == (int)from;

    private static IReadOnlyDictionary<string, object?> Details(string? message) =>
        message is null ? EmptyDetails : new Dictionary<string, object?>(StringComparer.Ordinal) { ["message"] = message };

    internal static readonly IReadOnlyDictionary<string, object?> EmptyDetails = new Dictionary<string, object?>();
}
