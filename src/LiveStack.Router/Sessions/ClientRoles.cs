namespace LiveStack.Router.Sessions;

/// <summary>The roles and advanced features a client announced in HELLO.</summary>
internal sealed class ClientRoles
{
    private readonly Dictionary<string, HashSet<string>> _features = new(StringComparer.Ordinal);

    private ClientRoles()
    {
    }

    public static readonly string[] KnownRoles = ["publisher", "subscriber", "caller", "callee"];

    /// <summary>Reads <c>HELLO.Details.roles</c>; returns null when no known role is announced.</summary>
    public static ClientRoles? Parse(IReadOnlyDictionary<string, object?> details)
    {
        if (details.GetDict("roles") is not { } roles)
        {
            return null;
        }

        var result = new ClientRoles();
        foreach (var (role, value) in roles)
        {
            if (Array.IndexOf(KnownRoles, role) < 0)
            {
                continue;
            }

            var features = new HashSet<string>(StringComparer.Ordinal);
            if (value is IReadOnlyDictionary<string, object?> roleDetails && roleDetails.GetDict("features") is { } announced)
            {
                foreach (var (feature, enabled) in announced)
                {
                    if (enabled is true)
                    {
                        features.Add(feature);
                    }
                }
            }

            result._features[role] = features;
        }

        return result._features.Count == 0 ? null : result;
    }

    public bool Has(string role) => _features.ContainsKey(role);

    public bool Supports(string role, string feature) =>
        _features.TryGetValue(role, out var features) && features.Contains(feature);
}
