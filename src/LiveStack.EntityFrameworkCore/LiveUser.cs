namespace LiveStack.EntityFrameworkCore;

/// <summary>
/// The session a live-data rule is evaluated for: its WAMP identity from the router's
/// authentication (see docs/security.md). Rules are expressions over an entity and this user.
/// </summary>
/// <param name="SessionId">The WAMP session id (0 for the app's own code).</param>
/// <param name="AuthId">The authenticated identity.</param>
/// <param name="AuthRole">The role.</param>
/// <param name="Claims">Extra authentication information (the authenticator's <c>authextra</c>); empty when none.</param>
public sealed record LiveUser(long SessionId, string AuthId, string AuthRole, IReadOnlyDictionary<string, object?> Claims)
{
    /// <summary>The app's own code (controllers, jobs): every rule that mentions the user sees this identity.</summary>
    public static LiveUser Server { get; } = new(0, "server", "trusted", new Dictionary<string, object?>());

    /// <summary>True for sessions that joined without credentials (role <c>anonymous</c> or an authid that says so).</summary>
    public bool IsAnonymous => AuthRole == "anonymous" || AuthId.StartsWith("anonymous", StringComparison.Ordinal);

    /// <summary>A claim as a string, or null.</summary>
    public string? Claim(string name) => Claims.TryGetValue(name, out var value) ? value?.ToString() : null;
}
