namespace LiveStack.Router;

/// <summary>The roles and advanced features the router announces in WELCOME.</summary>
internal static class RouterRoles
{
    public static readonly string[] BrokerFeatures =
    [
        "publisher_exclusion",
        "publisher_identification",
        "subscriber_blackwhite_listing",
        "pattern_based_subscription",
        "event_retention",
        "session_meta_api",
        "subscription_meta_api",
    ];

    public static readonly string[] DealerFeatures =
    [
        "pattern_based_registration",
        "shared_registration",
        "progressive_call_results",
        "call_canceling",
        "call_timeout",
        "caller_identification",
        "session_meta_api",
        "registration_meta_api",
        "testament_meta_api",
    ];

    /// <summary>
    /// <c>WELCOME.Details.roles</c>. Both roles are always present with a <c>features</c> dict,
    /// because wampy reads <c>roles[role].features[name]</c> without checking.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, object?> Announced = new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["broker"] = Role(BrokerFeatures),
        ["dealer"] = Role(DealerFeatures),
    };

    private static Dictionary<string, object?> Role(string[] features)
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            dict[feature] = true;
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal) { ["features"] = dict };
    }
}
