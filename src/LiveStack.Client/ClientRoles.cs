using LiveStack.Client.Auth;

namespace LiveStack.Client;

/// <summary>The HELLO details: the four client roles with the advanced features this client implements, and the authentication.</summary>
internal static class ClientRoles
{
    public const string Agent = "LiveStack.Client/0.1";

    private static readonly Dictionary<string, object?> Roles = new(StringComparer.Ordinal)
    {
        ["caller"] = Features("progressive_call_results", "call_canceling", "call_timeout", "caller_identification"),
        ["callee"] = Features("progressive_call_results", "call_canceling", "call_timeout", "caller_identification", "pattern_based_registration", "shared_registration"),
        ["publisher"] = Features("publisher_exclusion", "subscriber_blackwhite_listing", "publisher_identification"),
        ["subscriber"] = Features("pattern_based_subscription", "publisher_identification"),
    };

    public static Dictionary<string, object?> HelloDetails(WampAuthentication auth)
    {
        var details = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["roles"] = Roles,
            ["agent"] = Agent,
            ["authmethods"] = new object?[] { auth.Method },
        };
        if (auth.AuthId is { } authId)
        {
            details["authid"] = authId;
        }

        if (auth.AuthExtra is { } extra)
        {
            details["authextra"] = extra;
        }

        return details;
    }

    private static Dictionary<string, object?> Features(params string[] names) => new(StringComparer.Ordinal)
    {
        ["features"] = names.ToDictionary(name => name, object? (_) => true, StringComparer.Ordinal),
    };
}
