using LiveStack.Router.Routing;
using LiveStack.Router.Sessions;

namespace LiveStack.Router.Auth;

/// <summary>
/// A realm's authentication and authorization: its roles' permission tables, the authenticators
/// that find principals (static configuration first, then DI services) and the authorizers that
/// must also agree (DI services).
/// </summary>
internal sealed class RealmSecurity
{
    private readonly RealmOptions _options;
    private readonly Dictionary<string, PermissionTable> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProcedureAuthorizer> _dynamicRoles = new(StringComparer.Ordinal);
    private readonly IWampAuthenticator[] _authenticators;
    private readonly IReadOnlyList<IWampAuthorizer> _authorizers;

    public RealmSecurity(Realm realm, RealmOptions options, IReadOnlyList<IWampAuthenticator> authenticators, IReadOnlyList<IWampAuthorizer> authorizers)
    {
        _options = options;
        foreach (var role in options.Roles)
        {
            _roles[role.Name] = new PermissionTable(role.Permissions);
            if (role.Authorizer is { } procedure)
            {
                _dynamicRoles[role.Name] = new ProcedureAuthorizer(realm, procedure);
            }
        }

        IWampAuthenticator[] procedureAuthenticator = options.Auth.Authenticator is { } authenticator ? [new ProcedureAuthenticator(realm, authenticator)] : [];
        _authenticators = [new StaticAuthenticator(options.Auth), .. authenticators, .. procedureAuthenticator];
        _authorizers = authorizers;
    }

    /// <summary>The role anonymous sessions get, or null when the realm refuses them.</summary>
    public string? AnonymousRole => _options.IsOpen ? AuthMethods.Anonymous : _options.Auth.AnonymousRole;

    /// <summary>Whether the realm offers a method (anonymous aside).</summary>
    public bool Offers(string method) => _options.Auth.Methods.Contains(method) || method switch
    {
        AuthMethods.Ticket => _options.Auth.Ticket.Count > 0,
        AuthMethods.WampCra => _options.Auth.WampCra.Count > 0,
        AuthMethods.Cryptosign => _options.Auth.Cryptosign.Count > 0,
        _ => false,
    };

    /// <summary>Whether a principal's role exists here (an open realm accepts any role).</summary>
    public bool HasRole(string role) => _options.IsOpen || _roles.ContainsKey(role) || role == RouterCaller.Role;

    /// <summary>Asks the authenticators in turn; the first principal found wins.</summary>
    public async ValueTask<WampPrincipal?> FindPrincipalAsync(WampAuthenticationContext context, CancellationToken cancellationToken)
    {
        foreach (var authenticator in _authenticators)
        {
            if (await authenticator.AuthenticateAsync(context, cancellationToken).ConfigureAwait(false) is { } principal)
            {
                return principal;
            }
        }

        return null;
    }

    /// <summary>
    /// The role's permission decides first (an open realm allows everything); then every DI
    /// authorizer must allow too. Disclosure is forced when any of them asks for it.
    /// </summary>
    public ValueTask<AuthorizationDecision> AuthorizeAsync(RouterSession session, WampAction action, string uri, IReadOnlyDictionary<string, object?> options)
    {
        if (session.AuthRole is { } dynamicRole && _dynamicRoles.TryGetValue(dynamicRole, out var procedure) && !session.Transport.IsInternal && !session.Transport.IsTrusted)
        {
            return AskDynamicRoleAsync(procedure, session, action, uri, options);
        }

        AuthorizationDecision decision;
        if (_options.IsOpen || session.Transport.IsInternal || session.Transport.IsTrusted)
        {
            decision = AuthorizationDecision.Allow;
        }
        else
        {
            decision = session.AuthRole is { } role && _roles.TryGetValue(role, out var table)
                ? table.Authorize(action, uri)
                : AuthorizationDecision.Deny;
        }

        return !decision.Allowed || _authorizers.Count == 0
            ? ValueTask.FromResult(decision)
            : AskAuthorizersAsync(decision, new WampAuthorizationContext(_options.Name, session.Id, session.AuthId!, session.AuthRole!, action, uri, options));
    }

    private async ValueTask<AuthorizationDecision> AskDynamicRoleAsync(ProcedureAuthorizer procedure, RouterSession session, WampAction action, string uri, IReadOnlyDictionary<string, object?> options)
    {
        var context = new WampAuthorizationContext(_options.Name, session.Id, session.AuthId!, session.AuthRole!, action, uri, options);
        var decision = await procedure.AuthorizeAsync(context, CancellationToken.None).ConfigureAwait(false);
        return decision.Allowed && _authorizers.Count > 0 ? await AskAuthorizersAsync(decision, context).ConfigureAwait(false) : decision;
    }

    private async ValueTask<AuthorizationDecision> AskAuthorizersAsync(AuthorizationDecision decision, WampAuthorizationContext context)
    {
        foreach (var authorizer in _authorizers)
        {
            var answer = await authorizer.AuthorizeAsync(context, CancellationToken.None).ConfigureAwait(false);
            if (!answer.Allowed)
            {
                return AuthorizationDecision.Deny;
            }

            decision = decision with { Disclose = decision.Disclose || answer.Disclose };
        }

        return decision;
    }
}
