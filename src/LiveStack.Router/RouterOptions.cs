namespace LiveStack.Router;

/// <summary>Options of the routing engine. Hosts bind them from configuration and validate them at start.</summary>
public sealed class RouterOptions
{
    /// <summary>The realms served. When the list is empty, the router serves an open <c>realm1</c>.</summary>
    public IList<RealmOptions> Realms { get; } = [];

    /// <summary>
    /// Whether a HELLO for an unknown realm creates it. Default: false (the session is aborted with
    /// <c>wamp.error.no_such_realm</c>), because typos in a realm name should fail loudly.
    /// </summary>
    public bool AutoCreateRealms { get; set; }

    /// <summary>How many messages may wait in one session's outbound queue. Default: 1024.</summary>
    public int OutboundQueueCapacity { get; set; } = 1024;

    /// <summary>What happens to an EVENT for a session whose outbound queue is full. Default: <see cref="SlowConsumerPolicy.DropEvents"/>.</summary>
    public SlowConsumerPolicy SlowConsumerPolicy { get; set; } = SlowConsumerPolicy.DropEvents;

    /// <summary>
    /// Whether each new request id from a client must be the previous one plus one (the spec's rule
    /// since 2023; every mainstream client follows it). A gap or a reuse aborts the session with
    /// <c>wamp.error.protocol_violation</c>. Default: true.
    /// </summary>
    public bool RequireSequentialRequestIds { get; set; } = true;

    /// <summary>How long the router waits for the GOODBYE reply after it closed a session. Default: 2 seconds.</summary>
    public TimeSpan GoodbyeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a new connection may take to send HELLO (and finish joining) before it is aborted. Default: 10 seconds.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most sessions open at once; further connections are refused. Default: 10,000.</summary>
    public int MaxSessions { get; set; } = 10_000;

    /// <summary>The most sessions open at once from one client address. Default: 1,000 (offices and NATs share addresses).</summary>
    public int MaxSessionsPerAddress { get; set; } = 1_000;

    /// <summary>
    /// Requests (PUBLISH, SUBSCRIBE, UNSUBSCRIBE, CALL, REGISTER, UNREGISTER) one session may send
    /// per second, sustained; 0 turns the limit off. Over it, a request fails with
    /// <c>livestack.error.rate_limit_exceeded</c> (an unacknowledged PUBLISH is dropped). Default: 10,000.
    /// </summary>
    public int MessagesPerSecond { get; set; } = 10_000;

    /// <summary>Requests a session may send in a burst above <see cref="MessagesPerSecond"/>. Default: 20,000.</summary>
    public int MessageBurst { get; set; } = 20_000;

    /// <summary>
    /// Failed authentications allowed per client address per minute; after that the address is
    /// refused with <c>wamp.error.authentication_denied</c> until the minute is over. Default: 10.
    /// </summary>
    public int AuthFailuresPerMinute { get; set; } = 10;

    /// <summary>Whether URIs must follow the strict rules (components of <c>[0-9a-z_]</c> only). Default: false (loose rules).</summary>
    public bool StrictUris { get; set; }

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (OutboundQueueCapacity < 1)
        {
            throw new InvalidOperationException($"{nameof(OutboundQueueCapacity)} must be at least 1 (was {OutboundQueueCapacity}).");
        }

        if (MaxSessions < 1 || MaxSessionsPerAddress < 1)
        {
            throw new InvalidOperationException($"{nameof(MaxSessions)} and {nameof(MaxSessionsPerAddress)} must be at least 1.");
        }

        if (MessagesPerSecond < 0 || MessageBurst < 0 || AuthFailuresPerMinute < 1)
        {
            throw new InvalidOperationException($"{nameof(MessagesPerSecond)} and {nameof(MessageBurst)} must not be negative, and {nameof(AuthFailuresPerMinute)} must be at least 1.");
        }

        if (HelloTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{nameof(HelloTimeout)} must be positive.");
        }

        if (GoodbyeTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{nameof(GoodbyeTimeout)} must be positive.");
        }

        for (var i = 0; i < Realms.Count; i++)
        {
            RealmValidation.Validate(Realms[i], $"Realms:{i}", StrictUris);
        }
    }
}
