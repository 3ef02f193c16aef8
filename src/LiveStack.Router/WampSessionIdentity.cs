namespace LiveStack.Router;

/// <summary>Who an established session is, for server code that decides per session (e.g. row-level read rules).</summary>
/// <param name="SessionId">The session id.</param>
/// <param name="AuthId">The authenticated identity.</param>
/// <param name="AuthRole">The role.</param>
/// <param name="AuthExtra">Extra information the authenticator attached (claims, for instance); empty when none.</param>
public sealed record WampSessionIdentity(long SessionId, string AuthId, string AuthRole, IReadOnlyDictionary<string, object?> AuthExtra);
