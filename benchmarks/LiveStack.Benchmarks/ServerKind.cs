namespace LiveStack.Benchmarks;

/// <summary>The servers compared; each does the same forwarding job.</summary>
internal enum ServerKind
{
    /// <summary>(a) The LiveStack router: WAMP JSON over WebSocket at /ws, realm1.</summary>
    LiveStack,

    /// <summary>(b) The ceiling: a Kestrel WebSocket relay that forwards without WAMP.</summary>
    Raw,

    /// <summary>(c) An ASP.NET Core SignalR hub: group broadcast and client results.</summary>
    SignalR,
}

internal static class ServerKinds
{
    public static readonly ServerKind[] All = [ServerKind.LiveStack, ServerKind.Raw, ServerKind.SignalR];

    /// <summary>The name used on the command line (<c>--kind</c>, <c>--servers</c>).</summary>
    public static string ToArg(this ServerKind kind) => kind switch
    {
        ServerKind.LiveStack => "livestack",
        ServerKind.Raw => "raw",
        _ => "signalr",
    };

    /// <summary>The label used in the report.</summary>
    public static string Label(this ServerKind kind) => kind switch
    {
        ServerKind.LiveStack => "(a) LiveStack",
        ServerKind.Raw => "(b) raw relay",
        _ => "(c) SignalR",
    };

    public static ServerKind Parse(string value) => value.Trim().ToUpperInvariant() switch
    {
        "LIVESTACK" => ServerKind.LiveStack,
        "RAW" => ServerKind.Raw,
        "SIGNALR" => ServerKind.SignalR,
        _ => throw new ArgumentException($"Unknown server kind '{value}' (livestack, raw or signalr)."),
    };
}
