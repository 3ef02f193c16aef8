using LiveStack.Router.Routing;

namespace LiveStack.Router.Auth;

/// <summary>
/// A role's permissions indexed for lookup: the most specific rule covering a URI decides
/// (exact, else longest prefix, else most specific wildcard); no rule means deny.
/// </summary>
internal sealed class PermissionTable
{
    private readonly Dictionary<string, WampPermissionRule> _exact = new(StringComparer.Ordinal);
    private readonly List<WampPermissionRule> _prefixes = [];
    private readonly List<(string[] Components, WampPermissionRule Permission)> _wildcards = [];

    public PermissionTable(IEnumerable<WampPermissionRule> permissions)
    {
        foreach (var permission in permissions)
        {
            switch (MatchPolicies.Parse(permission.Match))
            {
                case MatchPolicy.Exact:
                    _exact[permission.Uri] = permission;
                    break;
                case MatchPolicy.Prefix:
                    _prefixes.Add(permission);
                    break;
                case MatchPolicy.Wildcard:
                    _wildcards.Add((permission.Uri.Split('.'), permission));
                    break;
                default:
                    throw new InvalidOperationException($"Permission for '{permission.Uri}' has unknown match '{permission.Match}' (use exact, prefix or wildcard).");
            }
        }

        // Longest first, so the first prefix that matches is the most specific one.
        _prefixes.Sort((a, b) => b.Uri.Length.CompareTo(a.Uri.Length));
    }

    public AuthorizationDecision Authorize(WampAction action, string uri)
    {
        var permission = Find(uri);
        return permission is not null && permission.Allows(action)
            ? new AuthorizationDecision(true, permission.Discloses(action))
            : AuthorizationDecision.Deny;
    }

    private WampPermissionRule? Find(string uri)
    {
        if (_exact.TryGetValue(uri, out var exact))
        {
            return exact;
        }

        foreach (var prefix in _prefixes)
        {
            if (uri.StartsWith(prefix.Uri, StringComparison.Ordinal))
            {
                return prefix;
            }
        }

        (string[] Components, WampPermissionRule Permission)? best = null;
        foreach (var wildcard in _wildcards)
        {
            if (MatchPolicies.WildcardMatches(wildcard.Components, uri)
                && (best is null || MatchPolicies.CompareWildcardSpecificity(wildcard.Components, best.Value.Components) > 0))
            {
                best = wildcard;
            }
        }

        return best?.Permission;
    }
}
