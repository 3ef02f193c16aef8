namespace LiveStack.Router.Auth;

/// <summary>The outcome of authorizing one action.</summary>
/// <param name="Allowed">Whether the action may proceed.</param>
/// <param name="Disclose">
/// Whether the router discloses the session's identity to the other side (the caller to the
/// callee for <see cref="WampAction.Call"/>, the publisher to subscribers for
/// <see cref="WampAction.Publish"/>) even when the session did not ask for it.
/// </param>
public readonly record struct AuthorizationDecision(bool Allowed, bool Disclose = false)
{
    /// <summary>Allowed, without forced disclosure.</summary>
    public static AuthorizationDecision Allow { get; } = new(true);

    /// <summary>Denied.</summary>
    public static AuthorizationDecision Deny { get; } = new(false);
}
