namespace LiveStack.Cli.Config;

/// <summary>A translated realm: its index in <c>LiveStack:Realms</c>, its name and its roles.</summary>
internal sealed record CrossbarRealm(int Index, string Name, IReadOnlySet<string> Roles);

/// <summary>
/// Moves Crossbar's per-transport authentication onto LiveStack's per-realm authentication: each
/// principal goes into the realm its <c>realm</c> key names, else into every realm that has its
/// role (where Crossbar would admit it). What the move would widen is an error (anonymous access
/// that differs between transports, a principal defined twice differently); what it merely shares
/// between transports is a warning.
/// </summary>
internal static class CrossbarRealmAuth
{
    public static void Apply(IReadOnlyList<CrossbarTransportAuth> transports, IReadOnlyList<CrossbarRealm> realms, IDictionary<string, string?> settings, ConfigIssues issues)
    {
        ApplyAnonymous(transports, realms, settings, issues);
        foreach (var definitions in transports.SelectMany(t => t.Principals.Select(p => (Transport: t, Principal: p))).GroupBy(d => (d.Principal.Method, d.Principal.AuthId)))
        {
            var principal = definitions.First().Principal;
            if (definitions.FirstOrDefault(d => !d.Principal.SameAs(principal)) is { Principal: not null } conflict)
            {
                issues.Error(conflict.Principal.Path, $"differs from {principal.Path}: LiveStack authenticates per realm, not per transport, so the two cannot both hold.");
                continue;
            }

            foreach (var other in transports.Where(t => definitions.All(d => d.Transport != t)))
            {
                issues.Warning(principal.Path, $"is also accepted on {other.Path}: LiveStack authenticates per realm, not per transport.");
            }

            foreach (var realm in TargetRealms(principal, realms, issues))
            {
                var key = $"LiveStack:Realms:{realm.Index}:Auth:{principal.Method}:{principal.AuthId}";
                settings[$"{key}:Role"] = principal.Role;
                foreach (var (field, value) in principal.Fields)
                {
                    settings[$"{key}:{field}"] = value;
                }
            }
        }
    }

    private static void ApplyAnonymous(IReadOnlyList<CrossbarTransportAuth> transports, IReadOnlyList<CrossbarRealm> realms, IDictionary<string, string?> settings, ConfigIssues issues)
    {
        var first = transports[0];
        if (transports.FirstOrDefault(t => t.AnonymousRole != first.AnonymousRole) is { } other)
        {
            issues.Error(other.Path, $"{Describe(other)}, but {first.Path} {Describe(first)}: LiveStack authenticates per realm, not per transport, so it cannot keep them apart. Give the served transports the same anonymous settings.");
            return;
        }

        if (first.AnonymousRole is not { } role)
        {
            return;
        }

        var withRole = realms.Where(r => r.Roles.Contains(role)).ToList();
        if (withRole.Count == 0)
        {
            issues.Warning(first.Path, $"admits anonymous sessions as '{role}', a role no realm has: they are refused, as in Crossbar.");
        }

        foreach (var realm in withRole)
        {
            settings[$"LiveStack:Realms:{realm.Index}:Auth:AnonymousRole"] = role;
        }
    }

    private static string Describe(CrossbarTransportAuth auth) =>
        auth.AnonymousRole is { } role ? $"admits anonymous sessions as '{role}'" : "refuses anonymous sessions";

    private static IEnumerable<CrossbarRealm> TargetRealms(CrossbarPrincipal principal, IReadOnlyList<CrossbarRealm> realms, ConfigIssues issues)
    {
        if (principal.Realm is { } name)
        {
            var realm = realms.FirstOrDefault(r => r.Name == name);
            if (realm is null)
            {
                issues.Error($"{principal.Path}.realm", $"'{name}' is not a realm of the router.");
                return [];
            }

            if (!realm.Roles.Contains(principal.Role))
            {
                issues.Warning(principal.Path, $"has role '{principal.Role}', which realm '{name}' does not have: Crossbar refuses it, so it is left out.");
                return [];
            }

            return [realm];
        }

        var withRole = realms.Where(r => r.Roles.Contains(principal.Role)).ToList();
        if (withRole.Count == 0)
        {
            issues.Warning(principal.Path, $"has role '{principal.Role}', which no realm has: Crossbar refuses it, so it is left out.");
        }

        return withRole;
    }
}
