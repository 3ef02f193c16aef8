using LiveStack.Router.Routing;

namespace LiveStack.Router.Auth;

/// <summary>Asks a WAMP procedure whether an action is allowed (see <see cref="WampRole.Authorizer"/>).</summary>
internal sealed class ProcedureAuthorizer(Realm realm, string procedure) : IWampAuthorizer
{
    public async ValueTask<AuthorizationDecision> AuthorizeAsync(WampAuthorizationContext context, CancellationToken cancellationToken)
    {
        var session = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["session"] = context.Session,
            ["authid"] = context.AuthId,
            ["authrole"] = context.AuthRole,
        };
        var action = context.Action.ToString().ToLowerInvariant();
        // An ERROR or timeout propagates as RouterCallException: the caller maps it to authorization_failed.
        var result = await realm.Caller.CallAsync(procedure, [session, context.Uri, action, context.Options], cancellationToken).ConfigureAwait(false);
        return result.Arguments.ArgAt(0) switch
        {
            true => AuthorizationDecision.Allow,
            IReadOnlyDictionary<string, object?> dict => new AuthorizationDecision(dict.GetBool("allow") == true, dict.GetBool("disclose") == true),
            _ => AuthorizationDecision.Deny,
        };
    }
}
