using LiveStack.Router.Auth;
using LiveStack.Router.Meta;
using LiveStack.Router.Sessions;
using LiveStack.Wamp;

namespace LiveStack.Router.Routing;

/// <summary>
/// A routing namespace: its sessions, broker, dealer and meta API. One gate serialises every
/// change to the realm's tables; work under it is short (lookups and non-blocking queue writes),
/// while decoding and encoding happen outside it on the transports' loops.
/// </summary>
internal sealed class Realm
{
    private readonly Dictionary<long, RouterSession> _sessions = [];
    private readonly SequentialIdGenerator _routerIds = new();
    private readonly WampRouter _router;
    private RouterCaller? _caller;
    private object? _callerLock;

    public Realm(RealmOptions options, WampRouter router)
    {
        Name = options.Name;
        IsOpen = options.IsOpen;
        _router = router;
        Security = new RealmSecurity(this, options, router.Authenticators, router.Authorizers);
        Broker = new Broker(this);
        Dealer = new Dealer(this);
        Meta = new MetaApi(this);
    }

    public string Name { get; }

    /// <summary>True when the realm has no roles: everyone may do everything (development).</summary>
    public bool IsOpen { get; }

    public RealmSecurity Security { get; }

    /// <summary>Guards the broker's, dealer's and session tables.</summary>
    public object Gate { get; } = new();

    public Broker Broker { get; }

    public Dealer Dealer { get; }

    public MetaApi Meta { get; }

    public bool StrictUris => _router.Options.StrictUris;

    public TimeProvider TimeProvider => _router.TimeProvider;

    public DateTimeOffset Now => _router.TimeProvider.GetUtcNow();

    /// <summary>Sessions in the realm. Read under <see cref="Gate"/>.</summary>
    public IReadOnlyCollection<RouterSession> Sessions => _sessions.Values;

    public long NextRouterId() => _routerIds.Next();

    /// <summary>Ends the router's own session, if it was created.</summary>
    public void DisposeCaller() => _caller?.Dispose();

    /// <summary>The router's own session in this realm, created on first use, for calling dynamic authenticators and authorizers.</summary>
    public RouterCaller Caller => LazyInitializer.EnsureInitialized(ref _caller, ref _callerLock, () => RouterCaller.Join(_router, Name));

    public RouterSession? FindSession(long id) => _sessions.GetValueOrDefault(id);

    /// <summary>Adds an established session, sends its WELCOME and announces it with <c>wamp.session.on_join</c>.</summary>
    public void Join(RouterSession session, Action sendWelcome)
    {
        lock (Gate)
        {
            // The router's own session routes like any other but stays out of the meta API.
            if (session.Transport.IsInternal)
            {
                sendWelcome();
                return;
            }

            _sessions[session.Id] = session;
            sendWelcome();
            Broker.PublishMeta("wamp.session.on_join", session.DescribeForMeta());
        }
    }

    /// <summary>
    /// Removes a session, in this order: its pending calls are failed or interrupted; its
    /// testaments are published (detached, then destroyed); its subscriptions and registrations
    /// go, with their meta events; finally <c>wamp.session.on_leave</c> is published. The
    /// session no longer receives anything by then, so it never sees its own on_leave.
    /// </summary>
    public void Leave(RouterSession session)
    {
        lock (Gate)
        {
            if (!_sessions.Remove(session.Id))
            {
                return;
            }

            Dealer.RemoveSession(session);
            PublishTestaments(session, "detached");
            PublishTestaments(session, "destroyed");
            Broker.RemoveSession(session);
            Broker.PublishMeta("wamp.session.on_leave", session.Id, session.AuthId, session.AuthRole);
        }
    }

    private void PublishTestaments(RouterSession session, string scope)
    {
        foreach (var testament in session.Testaments)
        {
            if (testament.Scope == scope)
            {
                Broker.PublishFromRouter(testament.Topic, testament.Arguments, testament.ArgumentsKeywords, testament.PublishOptions);
            }
        }
    }
}
