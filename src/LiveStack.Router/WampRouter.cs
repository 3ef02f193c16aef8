using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LiveStack.Router.Auth;
using LiveStack.Router.Limits;
using LiveStack.Router.Routing;
using LiveStack.Router.Sessions;
using LiveStack.Wamp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveStack.Router;

/// <summary>
/// The WAMP routing engine: realms with their broker and dealer, and the sessions joined to them.
/// Transport-agnostic: a host opens a <see cref="RouterSession"/> per connection with
/// <see cref="OpenSession"/> and pumps messages in and out of it.
/// </summary>
public sealed class WampRouter : IDisposable
{
    /// <summary>The agent string announced in WELCOME.</summary>
    public const string Agent = "LiveStack/0.1";

    private readonly ConcurrentDictionary<string, Realm> _realms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<RouterSession, byte> _sessions = new();
    private readonly SessionLimits _limits;
    private volatile bool _shuttingDown;

    /// <summary>Creates a router.</summary>
    public WampRouter(
        RouterOptions options,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null,
        IEnumerable<IWampAuthenticator>? authenticators = null,
        IEnumerable<IWampAuthorizer>? authorizers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Authenticators = [.. authenticators ?? []];
        Authorizers = [.. authorizers ?? []];
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("LiveStack.Router");
        TimeProvider = timeProvider ?? TimeProvider.System;
        Metrics = new RouterMetrics(meterFactory);
        _limits = new SessionLimits(options);
        RateLimiter = options.MessagesPerSecond > 0 ? new MessageRateLimiter(options.MessagesPerSecond, options.MessageBurst) : null;
        AuthFailures = new AuthFailureLimiter(options.AuthFailuresPerMinute);
        var realms = options.Realms.Count > 0 ? options.Realms : [RealmOptions.Open("realm1")];
        foreach (var realm in realms)
        {
            _realms[realm.Name] = new Realm(realm, this);
            if (realm.IsOpen)
            {
                RouterLog.OpenRealm(Logger, realm.Name);
            }
        }
    }

    /// <summary>The options the router runs with.</summary>
    public RouterOptions Options { get; }

    /// <summary>The names of the realms currently served.</summary>
    public IReadOnlyCollection<string> RealmNames => [.. _realms.Keys];

    /// <summary>How many sessions are open (in any state).</summary>
    public int SessionCount => _sessions.Count;

    internal ILogger Logger { get; }

    internal TimeProvider TimeProvider { get; }

    internal IReadOnlyList<IWampAuthenticator> Authenticators { get; }

    internal IReadOnlyList<IWampAuthorizer> Authorizers { get; }

    internal RouterMetrics Metrics { get; }

    /// <summary>The per-session request budget, or null when unlimited.</summary>
    internal MessageRateLimiter? RateLimiter { get; }

    internal AuthFailureLimiter AuthFailures { get; }

    /// <summary>Opens a session for a new connection. The transport then feeds it (see <see cref="RouterSession"/>).</summary>
    /// <exception cref="InvalidOperationException">The router is shutting down or a session limit is reached.</exception>
    public RouterSession OpenSession(TransportDetails transport) =>
        TryOpenSession(transport) ?? throw new InvalidOperationException("The router is shutting down or at its session limit.");

    /// <summary>
    /// Opens a session for a new connection, or returns null when the router is shutting down or
    /// <see cref="RouterOptions.MaxSessions"/> / <see cref="RouterOptions.MaxSessionsPerAddress"/> is reached.
    /// </summary>
    public RouterSession? TryOpenSession(TransportDetails transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        if (_shuttingDown || !_limits.TryAdmit(transport.ClientAddress))
        {
            return null;
        }

        var session = new RouterSession(this, transport);
        _sessions[session] = 0;
        Metrics.SessionOpened();
        return session;
    }

    /// <summary>
    /// Closes every session with GOODBYE <c>wamp.close.system_shutdown</c> and refuses new ones.
    /// Completes when every session has ended or <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken = default)
    {
        _shuttingDown = true;
        RouterLog.ShuttingDown(Logger, _sessions.Count);
        foreach (var session in _sessions.Keys)
        {
            session.Close(WampErrors.SystemShutdown);
        }

        while (!_sessions.IsEmpty && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var realm in _realms.Values)
        {
            realm.DisposeCaller();
        }

        Metrics.Dispose();
        RateLimiter?.Dispose();
        AuthFailures.Dispose();
    }

    internal Realm? FindRealm(string name)
    {
        if (_realms.TryGetValue(name, out var realm))
        {
            return realm;
        }

        if (!Options.AutoCreateRealms || WampUri.IsReserved(name))
        {
            return null;
        }

        return _realms.GetOrAdd(name, n =>
        {
            RouterLog.RealmCreated(Logger, n);
            return new Realm(RealmOptions.Open(n), this);
        });
    }

    /// <summary>The identity of an established session of <paramref name="realm"/>, or null when there is none with that id.</summary>
    public WampSessionIdentity? FindSession(string realm, long sessionId)
    {
        ArgumentNullException.ThrowIfNull(realm);
        if (!_realms.TryGetValue(realm, out var found))
        {
            return null;
        }

        lock (found.Gate)
        {
            return found.FindSession(sessionId) is { } session ? IdentityOf(session) : null;
        }
    }

    /// <summary>
    /// The established sessions of <paramref name="realm"/> with a subscription (of any match
    /// policy) that matches <paramref name="topic"/>: the audience of a publication there.
    /// </summary>
    public IReadOnlyList<WampSessionIdentity> FindSubscribers(string realm, string topic)
    {
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(topic);
        if (!_realms.TryGetValue(realm, out var found))
        {
            return [];
        }

        var result = new List<WampSessionIdentity>();
        var seen = new HashSet<long>();
        lock (found.Gate)
        {
            foreach (var subscription in found.Broker.Matching(topic))
            {
                foreach (var session in subscription.Subscribers)
                {
                    if (session.State == SessionState.Established && seen.Add(session.Id))
                    {
                        result.Add(IdentityOf(session));
                    }
                }
            }
        }

        return result;
    }

    private static WampSessionIdentity IdentityOf(RouterSession session) =>
        new(session.Id, session.AuthId ?? "", session.AuthRole ?? "", session.AuthExtra ?? RouterSession.EmptyDetails);

    internal void SessionEnded(RouterSession session)
    {
        if (_sessions.TryRemove(session, out _))
        {
            _limits.Release(session.Transport.ClientAddress);
            Metrics.SessionClosed();
        }
    }
}
