using System.Threading.Channels;
using LiveStack.Router.Meta;
using LiveStack.Router.Routing;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;
using Microsoft.Extensions.Logging;

namespace LiveStack.Router.Sessions;

/// <summary>
/// One client's session on the router. A transport feeds it inbound messages, one at a time,
/// through <see cref="Receive"/> and drains <see cref="Outgoing"/> with a single writer; the
/// session owns the state machine and its bounded outbound queue.
/// </summary>
/// <remarks>
/// The transport's contract: call <see cref="Receive"/>, <see cref="ReceiveMalformed"/> and
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
    private readonly ITimer _helloTimer;
    private ITimer? _goodbyeTimer;

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
                if (session.State == SessionState.Establishing)
                {
                    session.Abort(WampErrors.ProtocolViolation, "No HELLO within the allowed time.");
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

    internal HashSet<long> RegistrationIds { get; } = [];

    internal List<Testament> Testaments { get; } = [];

    /// <summary>Handles one inbound message. Never throws for protocol faults: it aborts the session instead.</summary>
    public void Receive(WampMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _router.Metrics.MessageReceived();
        try
        {
            switch (State)
            {
                case SessionState.Establishing:
                    ReceiveWhileEstablishing(message);
                    break;
                case SessionState.Established:
                    ReceiveWhileEstablished(message);
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
            if (State == SessionState.Establishing)
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

        _outbox.Writer.TryComplete();
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

    /// <summary>Releases the session's timer and token; the transport calls it once the connection is closed.</summary>
    public void Dispose()
    {
        _helloTimer.Dispose();
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

    private void ReceiveWhileEstablishing(WampMessage message)
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

        if (hello.Details.TryGetValue("authmethods", out var methods) && methods is IReadOnlyList<object?> list
            && list.Count > 0 && !list.Contains("anonymous"))
        {
            Abort("wamp.error.no_matching_auth_method", "This router accepts only anonymous sessions.");
            return;
        }

        Roles = roles;
        Id = WampIds.NewGlobalId();
        AuthId = hello.Details.GetString("authid") ?? $"anonymous-{Id}";
        AuthRole = "anonymous";
        AuthMethod = "anonymous";
        AuthProvider = "static";
        Realm = realm;
        if (!TryMoveTo(SessionState.Establishing, SessionState.Established))
        {
            return;
        }

        _helloTimer.Dispose();
        realm.Join(this, () => TrySend(new WelcomeMessage(Id, WelcomeDetails())));
        RouterLog.SessionJoined(_router.Logger, Id, realm.Name, AuthId, Transport.Type, Transport.Serializer);
    }

    private void ReceiveWhileEstablished(WampMessage message)
    {
        var realm = Realm!;
        switch (message)
        {
            case PublishMessage m:
                CheckRequestId(m.Request);
                realm.Broker.Publish(this, m);
                break;
            case SubscribeMessage m:
                CheckRequestId(m.Request);
                realm.Broker.Subscribe(this, m);
                break;
            case UnsubscribeMessage m:
                CheckRequestId(m.Request);
                realm.Broker.Unsubscribe(this, m);
                break;
            case CallMessage m:
                CheckRequestId(m.Request);
                realm.Dealer.Call(this, m);
                break;
            case CancelMessage m:
                realm.Dealer.Cancel(this, m);
                break;
            case RegisterMessage m:
                CheckRequestId(m.Request);
                realm.Dealer.Register(this, m);
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
