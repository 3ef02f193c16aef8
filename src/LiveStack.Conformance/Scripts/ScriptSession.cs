namespace LiveStack.Conformance.Scripts;

/// <summary>One client session a script drives (an entry of <c>sessions</c>).</summary>
/// <param name="Name">The <c>session_id</c> that steps use in <c>from</c> and <c>to</c>.</param>
/// <param name="Roles">The client roles announced in HELLO.</param>
/// <param name="Features">Feature flags that override the runner's defaults (false removes one).</param>
/// <param name="Realm">The realm to join, or null for the run's realm.</param>
/// <param name="JoinAtStart">Whether the runner joins the session before the first step.</param>
internal sealed record ScriptSession(
    string Name,
    IReadOnlyList<string> Roles,
    IReadOnlyDictionary<string, bool> Features,
    string? Realm,
    bool JoinAtStart);
