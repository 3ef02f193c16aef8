namespace LiveStack.Router.Sessions;

/// <summary>
/// What a client announced in HELLO that routing depends on: that it has at least one role, and
/// which callee features it supports. Kept as bits, because every idle session carries one.
/// </summary>
internal sealed class ClientRoles
{
    private static readonly string[] KnownRoles = ["publisher", "subscriber", "caller", "callee"];

    private readonly CalleeFeatures _callee;

    private ClientRoles(CalleeFeatures callee) => _callee = callee;

    /// <summary>Reads <c>HELLO.Details.roles</c>; returns null when no known role is announced.</summary>
    public static ClientRoles? Parse(IReadOnlyDictionary<string, object?> details)
    {
        if (details.GetDict("roles") is not { } roles || !roles.Keys.Any(r => Array.IndexOf(KnownRoles, r) >= 0))
        {
            return null;
        }

        var callee = CalleeFeatures.None;
        if (roles.GetDict("callee")?.GetDict("features") is { } features)
        {
            callee |= Flag(features, "progressive_call_results", CalleeFeatures.ProgressiveCallResults);
            callee |= Flag(features, "call_canceling", CalleeFeatures.CallCanceling);
            callee |= Flag(features, "call_timeout", CalleeFeatures.CallTimeout);
        }

        return new ClientRoles(callee);
    }

    public bool CalleeSupports(CalleeFeatures feature) => (_callee & feature) == feature;

    private static CalleeFeatures Flag(IReadOnlyDictionary<string, object?> features, string name, CalleeFeatures flag) =>
        features.GetBool(name) == true ? flag : CalleeFeatures.None;
}

/// <summary>The callee features the dealer checks before sending feature-specific fields or messages.</summary>
[Flags]
internal enum CalleeFeatures : byte
{
    None = 0,
    ProgressiveCallResults = 1,
    CallCanceling = 2,
    CallTimeout = 4,
}
