using System.Globalization;

namespace LiveStack.Cli.Config;

/// <summary>Who one served Crossbar transport lets in.</summary>
/// <param name="Path">The JSON path of the transport (or web path) the auth block belongs to.</param>
/// <param name="AnonymousRole">The role of anonymous sessions, or null when the transport refuses them.</param>
/// <param name="Principals">The static principals of every supported method.</param>
internal sealed record CrossbarTransportAuth(string Path, string? AnonymousRole, IReadOnlyList<CrossbarPrincipal> Principals);

/// <summary>A static principal of a Crossbar auth block, in LiveStack's terms.</summary>
/// <param name="Method">The <c>RealmAuthOptions</c> key: <c>Ticket</c>, <c>WampCra</c> or <c>Cryptosign</c>.</param>
/// <param name="AuthId">The authid (the key of the principal).</param>
/// <param name="Realm">The principal's <c>realm</c>, or null for every realm that has its role.</param>
/// <param name="Role">The role.</param>
/// <param name="Fields">Its credentials as keys under the principal (<c>Ticket</c>, <c>Secret</c>, <c>PublicKeys:0</c>…).</param>
/// <param name="Path">The JSON path of the principal.</param>
internal sealed record CrossbarPrincipal(string Method, string AuthId, string? Realm, string Role, IReadOnlyList<KeyValuePair<string, string>> Fields, string Path)
{
    public bool SameAs(CrossbarPrincipal other) => Realm == other.Realm && Role == other.Role && Fields.SequenceEqual(other.Fields);
}

/// <summary>Reads the <c>auth</c> block of a Crossbar WebSocket or RawSocket transport.</summary>
internal static class CrossbarAuth
{
    /// <summary>Crossbar's role for anonymous sessions when a transport has no auth block, or its anonymous block names none.</summary>
    private const string DefaultAnonymousRole = "anonymous";

    public static CrossbarTransportAuth Read(CrossbarObject? auth, string transportPath, Func<string, string?> environment)
    {
        if (auth is null)
        {
            // Crossbar lets anonymous sessions into a transport that configures no authentication.
            return new CrossbarTransportAuth(transportPath, DefaultAnonymousRole, []);
        }

        string? anonymousRole = null;
        var principals = new List<CrossbarPrincipal>();
        foreach (var (method, config) in auth.Entries())
        {
            if (method is not ("anonymous" or "ticket" or "wampcra" or "cryptosign"))
            {
                auth.Issues.Warning(config.Path, $"is not supported (authentication method '{method}'): clients using it on this transport are refused.");
                continue;
            }

            if (!IsStatic(config, method))
            {
                continue;
            }

            switch (method)
            {
                case "anonymous":
                    anonymousRole = config.String("role") ?? DefaultAnonymousRole;
                    config.Unsupported("authid", "every anonymous session gets a random authid.");
                    config.ReportRest();
                    break;
                case "ticket":
                    ReadPrincipals(config, "principals", p => Ticket(p, environment), principals);
                    break;
                case "wampcra":
                    ReadPrincipals(config, "users", p => WampCra(p, environment), principals);
                    break;
                default:
                    ReadPrincipals(config, "principals", Cryptosign, principals);
                    break;
            }
        }

        return new CrossbarTransportAuth(transportPath, anonymousRole, principals);
    }

    private static bool IsStatic(CrossbarObject config, string method)
    {
        var type = config.String("type");
        if (type == "static")
        {
            return true;
        }

        if (type == "dynamic")
        {
            var authenticator = config.String("authenticator");
            config.Issues.Warning(config.Path, $"is a dynamic authenticator ('{authenticator}'), which is not supported: {method} sessions on this transport are refused. In an app, implement IWampAuthenticator instead.");
        }
        else
        {
            config.Issues.Error(config.PathOf("type"), $"'{type}' must be static or dynamic.");
        }

        return false;
    }

    private static void ReadPrincipals(
        CrossbarObject config,
        string key,
        Func<CrossbarObject, (string Method, IReadOnlyList<KeyValuePair<string, string>> Fields)?> read,
        List<CrossbarPrincipal> principals)
    {
        var defaultRole = config.String("default-role");
        var entries = config.Object(key);
        config.ReportRest();
        if (entries is null)
        {
            config.Issues.Error(config.PathOf(key), "is required for static authentication.");
            return;
        }

        foreach (var (authId, principal) in entries.Entries())
        {
            var role = principal.String("role") ?? defaultRole;
            var realm = principal.String("realm");
            var credentials = read(principal);
            principal.Unsupported("authid", "the session keeps the authid it sent.");
            principal.Unsupported("extra", "WELCOME authextra cannot be configured.");
            principal.ReportRest();
            if (authId.Contains(':', StringComparison.Ordinal))
            {
                config.Issues.Error(principal.Path, "has ':' in its authid, which a configuration key cannot hold.");
            }
            else if (role is null)
            {
                config.Issues.Warning(principal.Path, "has no role (and the block no default-role): Crossbar refuses it, so it is left out.");
            }
            else if (credentials is { } found)
            {
                principals.Add(new CrossbarPrincipal(found.Method, authId, realm, role, found.Fields, principal.Path));
            }
        }
    }

    private static (string, IReadOnlyList<KeyValuePair<string, string>>)? Ticket(CrossbarObject principal, Func<string, string?> environment)
    {
        var ticket = Required(principal, "ticket", environment);
        return ticket is null ? null : ("Ticket", [new("Ticket", ticket)]);
    }

    private static (string, IReadOnlyList<KeyValuePair<string, string>>)? WampCra(CrossbarObject principal, Func<string, string?> environment)
    {
        var secret = Required(principal, "secret", environment);
        var fields = new List<KeyValuePair<string, string>> { new("Secret", secret ?? string.Empty) };
        if (principal.String("salt") is { } salt)
        {
            fields.Add(new("Salt", salt));
        }

        AddInt(principal, "iterations", "Iterations", fields);
        AddInt(principal, "keylen", "KeyLength", fields);
        return secret is null ? null : ("WampCra", fields);
    }

    private static (string, IReadOnlyList<KeyValuePair<string, string>>)? Cryptosign(CrossbarObject principal)
    {
        var keys = principal.Strings("authorized_keys");
        if (keys.Count == 0)
        {
            principal.Issues.Error(principal.PathOf("authorized_keys"), "is required and must list the principal's public keys.");
            return null;
        }

        return ("Cryptosign", [.. keys.Select((k, i) => new KeyValuePair<string, string>($"PublicKeys:{i.ToString(CultureInfo.InvariantCulture)}", k))]);
    }

    private static string? Required(CrossbarObject principal, string key, Func<string, string?> environment)
    {
        if (principal.String(key) is not { } value)
        {
            principal.Issues.Error(principal.PathOf(key), "is required.");
            return null;
        }

        return CrossbarVariables.Secret(value, principal.PathOf(key), environment, principal.Issues);
    }

    private static void AddInt(CrossbarObject principal, string key, string field, List<KeyValuePair<string, string>> fields)
    {
        if (principal.Int(key) is { } value)
        {
            fields.Add(new(field, value.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
