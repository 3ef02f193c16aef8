using LiveStack.Wamp.Auth;
using LiveStack.Router.Auth;
using LiveStack.Router.Routing;

namespace LiveStack.Router;

/// <summary>Checks a realm's configuration; messages name the offending key.</summary>
internal static class RealmValidation
{
    public static void Validate(RealmOptions realm, string key, bool strictUris)
    {
        if (!Wamp.WampUri.IsValid(realm.Name, strictUris))
        {
            throw new InvalidOperationException($"{key}:Name '{realm.Name}' is not a valid WAMP URI.");
        }

        var roles = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < realm.Roles.Count; r++)
        {
            var role = realm.Roles[r];
            if (string.IsNullOrWhiteSpace(role.Name) || !roles.Add(role.Name))
            {
                throw new InvalidOperationException($"{key}:Roles:{r}:Name '{role.Name}' is empty or used twice.");
            }

            if (role.Authorizer is { } authorizer && (!Wamp.WampUri.IsValid(authorizer, strictUris) || role.Permissions.Count > 0))
            {
                throw new InvalidOperationException($"{key}:Roles:{r}:Authorizer '{authorizer}' must be a valid procedure URI, and a role with an authorizer has no Permissions.");
            }

            for (var p = 0; p < role.Permissions.Count; p++)
            {
                var permission = role.Permissions[p];
                if (MatchPolicies.Parse(permission.Match) is not { } match)
                {
                    throw new InvalidOperationException($"{key}:Roles:{r}:Permissions:{p}:Match '{permission.Match}' must be exact, prefix or wildcard.");
                }

                if (!(match == MatchPolicy.Prefix && permission.Uri.Length == 0) && !MatchPolicies.IsValidPattern(permission.Uri, match, strictUris))
                {
                    throw new InvalidOperationException($"{key}:Roles:{r}:Permissions:{p}:Uri '{permission.Uri}' is not a valid {match.ToWire()} URI.");
                }
            }
        }

        bool Known(string role) => realm.IsOpen || roles.Contains(role);
        var auth = realm.Auth;
        if (auth.AnonymousRole is { } anonymous && !Known(anonymous))
        {
            throw new InvalidOperationException($"{key}:Auth:AnonymousRole '{anonymous}' is not a role of the realm.");
        }

        foreach (var (authId, principal) in auth.Ticket)
        {
            Require(!string.IsNullOrEmpty(principal.Ticket), $"{key}:Auth:Ticket:{authId}:Ticket is empty (set it from an environment variable or user secrets).");
            Require(Known(principal.Role), $"{key}:Auth:Ticket:{authId}:Role '{principal.Role}' is not a role of the realm.");
        }

        foreach (var (authId, principal) in auth.WampCra)
        {
            Require(!string.IsNullOrEmpty(principal.Secret), $"{key}:Auth:WampCra:{authId}:Secret is empty (set it from an environment variable or user secrets).");
            Require(Known(principal.Role), $"{key}:Auth:WampCra:{authId}:Role '{principal.Role}' is not a role of the realm.");
            Require(principal.Iterations > 0 && principal.KeyLength > 0, $"{key}:Auth:WampCra:{authId}: Iterations and KeyLength must be positive.");
        }

        foreach (var (authId, principal) in auth.Cryptosign)
        {
            Require(principal.PublicKeys.Count > 0 && principal.PublicKeys.All(Cryptosign.IsPublicKey), $"{key}:Auth:Cryptosign:{authId}:PublicKeys must hold Ed25519 public keys of 64 hex characters.");
            Require(Known(principal.Role), $"{key}:Auth:Cryptosign:{authId}:Role '{principal.Role}' is not a role of the realm.");
        }

        if (auth.Authenticator is { } authenticator && (!Wamp.WampUri.IsValid(authenticator, strictUris) || auth.Methods.Count == 0))
        {
            throw new InvalidOperationException($"{key}:Auth:Authenticator '{authenticator}' must be a valid procedure URI, and Auth:Methods must name the methods it serves.");
        }

        foreach (var method in auth.Methods)
        {
            Require(method is AuthMethods.Ticket or AuthMethods.WampCra or AuthMethods.Cryptosign, $"{key}:Auth:Methods '{method}' is not one of ticket, wampcra, cryptosign.");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
