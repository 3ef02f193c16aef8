using LiveStack.Router;

namespace LiveStack.AspNetCore;

/// <summary>
/// Options of the LiveStack router host, bound from the <c>LiveStack</c> configuration section
/// and validated at start.
/// </summary>
public sealed class LiveStackOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "LiveStack";

    /// <summary>
    /// The realms served, each with its roles and authentication. When empty, an open <c>realm1</c>
    /// (anonymous sessions may do anything; see docs/security.md).
    /// </summary>
    public IList<RealmOptions> Realms { get; } = [];

    /// <summary>How the signed-in user of the HTTP request that opens a WebSocket becomes the session's identity.</summary>
    public HttpUserOptions HttpUser { get; } = new();

    /// <summary>Whether a HELLO for an unknown realm creates it. Default: false.</summary>
    public bool AutoCreateRealms { get; set; }

    /// <summary>The largest WAMP message accepted from a client, in bytes. Default: 1 MiB. Maximum: 16 MiB (the RawSocket limit).</summary>
    public int MaxMessageSize { get; set; } = 1024 * 1024;

    /// <summary>How many messages may wait in one session's outbound queue. Default: 1024.</summary>
    public int OutboundQueueCapacity { get; set; } = 1024;

    /// <summary>What happens to an EVENT for a session whose queue is full. Default: <see cref="SlowConsumerPolicy.DropEvents"/>.</summary>
    public SlowConsumerPolicy SlowConsumerPolicy { get; set; } = SlowConsumerPolicy.DropEvents;

    /// <summary>Whether a client's request ids must be sequential (the spec's rule). Default: true.</summary>
    public bool RequireSequentialRequestIds { get; set; } = true;

    /// <summary>How long a connection may take to send HELLO. Default: 10 seconds.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Browser origins allowed to open a WebSocket (defence against cross-site WebSocket hijacking).
    /// Requests without an <c>Origin</c> header (non-browser clients) are always allowed. When the
    /// list is empty, every origin is allowed. Entries are full origins such as <c>https://app.example.com</c>, or <c>*</c>.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>WebSocket ping interval. Default: 30 seconds.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a WebSocket peer may leave a ping unanswered before it is considered dead and the
    /// connection is aborted (its session leaves as if it had dropped). Default: 30 seconds.
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most sessions open at once; further connections are refused (HTTP 503, RawSocket error 4). Default: 10,000.</summary>
    public int MaxSessions { get; set; } = 10_000;

    /// <summary>The most sessions open at once from one client IP address. Default: 1,000.</summary>
    public int MaxSessionsPerAddress { get; set; } = 1_000;

    /// <summary>Requests per second one session may send (0: unlimited); over it they fail with <c>livestack.error.rate_limit_exceeded</c>. Default: 10,000.</summary>
    public int MessagesPerSecond { get; set; } = 10_000;

    /// <summary>Requests a session may send in a burst. Default: 20,000.</summary>
    public int MessageBurst { get; set; } = 20_000;

    /// <summary>Failed authentications per client address per minute before it is refused for the rest of the minute. Default: 10.</summary>
    public int AuthFailuresPerMinute { get; set; } = 10;

    /// <summary>How long the router waits for the peer's close frame after it closed a WebSocket. Default: 5 seconds.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The RawSocket listener (off unless a port is set).</summary>
    public RawSocketOptions RawSocket { get; } = new();

    /// <summary>The in-process session that serves <c>MapProcedure</c>, <c>MapTopic</c> and in-process components.</summary>
    public ServerSessionOptions ServerSession { get; } = new();

    internal RouterOptions ToRouterOptions()
    {
        var options = new RouterOptions
        {
            AutoCreateRealms = AutoCreateRealms,
            OutboundQueueCapacity = OutboundQueueCapacity,
            SlowConsumerPolicy = SlowConsumerPolicy,
            RequireSequentialRequestIds = RequireSequentialRequestIds,
            HelloTimeout = HelloTimeout,
            MaxSessions = MaxSessions,
            MaxSessionsPerAddress = MaxSessionsPerAddress,
            MessagesPerSecond = MessagesPerSecond,
            MessageBurst = MessageBurst,
            AuthFailuresPerMinute = AuthFailuresPerMinute,
        };
        foreach (var realm in Realms)
        {
            options.Realms.Add(realm);
        }


        return options;
    }
}

/// <summary>
/// The in-process session of the app's own handlers. It joins only when something uses it (a
/// mapped handler, a component, or a call through the <c>LiveClient</c> service) and is trusted:
/// role permissions do not apply to it.
/// </summary>
public sealed class ServerSessionOptions
{
    /// <summary>The realm it joins. Default: the first configured realm, or <c>realm1</c>.</summary>
    public string? Realm { get; set; }

    /// <summary>Its authid, as other sessions see it in caller and publisher details. Default: <c>server</c>.</summary>
    public string AuthId { get; set; } = "server";

    /// <summary>Send handler exception messages to callers. Default: false (callers get a generic message; the log has the details).</summary>
    public bool DetailedErrors { get; set; }

    internal string RealmOrDefault(LiveStackOptions options) => Realm ?? options.Realms.FirstOrDefault()?.Name ?? "realm1";
}

/// <summary>The RawSocket (TCP) transport.</summary>
public sealed class RawSocketOptions
{
    /// <summary>The TCP port; null (the default) turns RawSocket off.</summary>
    public int? Port { get; set; }

    /// <summary>The address to listen on. Default: <c>127.0.0.1</c>.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The largest message accepted over RawSocket, in bytes; null uses <see cref="LiveStackOptions.MaxMessageSize"/>.</summary>
    public int? MaxMessageSize { get; set; }
}
