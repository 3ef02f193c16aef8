namespace LiveStack.Router.Auth;

/// <summary>What an authorizer knows about one action a session asks for.</summary>
/// <param name="Realm">The realm.</param>
/// <param name="Session">The session id.</param>
/// <param name="AuthId">The session's authenticated identity.</param>
/// <param name="AuthRole">The session's role.</param>
/// <param name="Action">The action.</param>
/// <param name="Uri">The topic or procedure (a pattern for pattern-based SUBSCRIBE/REGISTER).</param>
/// <param name="Options">The request's options as sent.</param>
public sealed record WampAuthorizationContext(
    string Realm,
    long Session,
    string AuthId,
    string AuthRole,
    WampAction Action,
    string Uri,
    IReadOnlyDictionary<string, object?> Options);
