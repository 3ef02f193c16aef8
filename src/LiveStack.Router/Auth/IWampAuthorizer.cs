namespace LiveStack.Router.Auth;

/// <summary>
/// Decides whether a session may perform an action. Register an implementation in DI for rules
/// that depend on data; it is consulted after the static role permissions allowed the action
/// (both must agree). Implementations must be thread-safe; a throw fails the request with
/// <c>wamp.error.authorization_failed</c>.
/// </summary>
public interface IWampAuthorizer
{
    /// <summary>Authorizes one action.</summary>
    ValueTask<AuthorizationDecision> AuthorizeAsync(WampAuthorizationContext context, CancellationToken cancellationToken);
}
