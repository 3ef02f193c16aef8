namespace LiveStack.Router.Routing;

/// <summary>How the dealer picks one callee of a shared registration (<c>REGISTER.Options.invoke</c>).</summary>
internal enum InvocationPolicy
{
    /// <summary>Only one callee may register the procedure. The default.</summary>
    Single,

    /// <summary>Callees take turns, in registration order.</summary>
    RoundRobin,

    /// <summary>A callee chosen at random.</summary>
    Random,

    /// <summary>The oldest registration (hot standby).</summary>
    First,

    /// <summary>The newest registration.</summary>
    Last,
}

internal static class InvocationPolicies
{
    public static InvocationPolicy? Parse(string? value) => value switch
    {
        null or "single" => InvocationPolicy.Single,
        "roundrobin" => InvocationPolicy.RoundRobin,
        "random" => InvocationPolicy.Random,
        "first" => InvocationPolicy.First,
        "last" => InvocationPolicy.Last,
        _ => null,
    };

    public static string ToWire(this InvocationPolicy policy) => policy switch
    {
        InvocationPolicy.RoundRobin => "roundrobin",
        InvocationPolicy.Random => "random",
        InvocationPolicy.First => "first",
        InvocationPolicy.Last => "last",
        _ => "single",
    };
}
