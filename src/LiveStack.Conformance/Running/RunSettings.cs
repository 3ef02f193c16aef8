using LiveStack.Wamp.Serialization;

namespace LiveStack.Conformance.Running;

/// <summary>Where and how scripts run.</summary>
public sealed class RunSettings
{
    /// <summary>The router's WebSocket URL, e.g. <c>ws://127.0.0.1:8080/ws</c>.</summary>
    public required Uri RouterUrl { get; init; }

    /// <summary>The realm sessions join unless a script names another. Default: <c>realm1</c>.</summary>
    public string Realm { get; init; } = "realm1";

    /// <summary>The serializer (and so the WebSocket subprotocol). Default: JSON.</summary>
    public WampSerializer Serializer { get; init; } = WampSerializer.Json;

    /// <summary>How long a step waits for each expected frame unless it says otherwise. Default: 3 seconds.</summary>
    public TimeSpan ReceiveTimeout { get; init; } = TimeSpan.FromSeconds(3);
}
