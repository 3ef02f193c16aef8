namespace LiveStack.Client;

/// <summary>Options of one CALL.</summary>
public sealed record CallOptions
{
    /// <summary>Fail with <c>wamp.error.timeout</c> (and cancel the call) after this long. Default: none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How a canceled call is canceled at the callee: <c>kill</c>, <c>killnowait</c> or <c>skip</c>. Default: <c>killnowait</c>.</summary>
    public string CancelMode { get; init; } = "killnowait";

    /// <summary>Ask the router to disclose this session to the callee.</summary>
    public bool DiscloseMe { get; init; }
}

/// <summary>Options of one PUBLISH.</summary>
public sealed record PublishOptions
{
    /// <summary>Wait for the router to acknowledge the publication (and fail if it refuses it). Default: false.</summary>
    public bool Acknowledge { get; init; }

    /// <summary>Deliver the event to this session too, when subscribed. Default: false (the router excludes the publisher).</summary>
    public bool IncludeMe { get; init; }

    /// <summary>Sessions that must not receive the event.</summary>
    public IReadOnlyList<long>? Exclude { get; init; }

    /// <summary>When set, only these sessions may receive the event.</summary>
    public IReadOnlyList<long>? Eligible { get; init; }

    /// <summary>Authids that must not receive the event.</summary>
    public IReadOnlyList<string>? ExcludeAuthIds { get; init; }

    /// <summary>When set, only sessions with these authids may receive the event.</summary>
    public IReadOnlyList<string>? EligibleAuthIds { get; init; }

    /// <summary>Authroles that must not receive the event.</summary>
    public IReadOnlyList<string>? ExcludeAuthRoles { get; init; }

    /// <summary>When set, only sessions with these authroles may receive the event.</summary>
    public IReadOnlyList<string>? EligibleAuthRoles { get; init; }

    /// <summary>Ask the router to disclose this session to subscribers.</summary>
    public bool DiscloseMe { get; init; }
}

/// <summary>Options of one SUBSCRIBE.</summary>
public sealed record SubscribeOptions
{
    /// <summary>How the topic matches. Default: exact.</summary>
    public MatchPolicy Match { get; init; }
}

/// <summary>Options of one REGISTER.</summary>
public sealed record RegisterOptions
{
    /// <summary>How the procedure URI matches. Default: exact.</summary>
    public MatchPolicy Match { get; init; }

    /// <summary>How calls are shared among callees of the same URI. Default: single (not shared).</summary>
    public InvocationPolicy Invoke { get; init; }

    /// <summary>Ask the router to disclose callers to this callee.</summary>
    public bool DiscloseCaller { get; init; }
}
