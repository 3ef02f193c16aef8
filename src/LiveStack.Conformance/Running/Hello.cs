using LiveStack.Conformance.Scripts;

namespace LiveStack.Conformance.Running;

/// <summary>The HELLO the runner sends for a session it joins itself.</summary>
internal static class Hello
{
    /// <summary>The agent string in HELLO.</summary>
    public const string Agent = "LiveStack.Conformance";

    /// <summary>Announced for every role unless a session turns one off; features a role does not use are ignored by routers.</summary>
    private static readonly string[] DefaultFeatures =
    [
        "publisher_exclusion",
        "publisher_identification",
        "subscriber_blackwhite_listing",
        "pattern_based_subscription",
        "event_retention",
        "pattern_based_registration",
        "shared_registration",
        "progressive_call_results",
        "call_canceling",
        "call_timeout",
        "caller_identification",
    ];

    public static IReadOnlyList<object?> For(ScriptSession session, string realm)
    {
        var features = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var feature in DefaultFeatures)
        {
            features[feature] = true;
        }

        foreach (var (feature, enabled) in session.Features)
        {
            if (enabled)
            {
                features[feature] = true;
            }
            else
            {
                features.Remove(feature);
            }
        }

        var roles = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var role in session.Roles)
        {
            roles[role] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["features"] = features };
        }

        var details = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["agent"] = Agent,
            ["roles"] = roles,
        };
        return [1L, realm, details];
    }
}
