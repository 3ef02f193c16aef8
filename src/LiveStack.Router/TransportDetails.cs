namespace LiveStack.Router;

/// <summary>What the router knows about the transport a session arrived on; reported by the session meta API.</summary>
/// <param name="Type">The transport kind, e.g. <c>websocket</c> or <c>rawsocket</c>.</param>
/// <param name="Serializer">The negotiated serializer, e.g. <c>json</c>.</param>
/// <param name="Peer">The remote endpoint, e.g. <c>tcp4:127.0.0.1:53412</c>, or null when unknown.</param>
public sealed record TransportDetails(string Type, string Serializer, string? Peer)
{
    /// <summary>
    /// An identity the transport already established (e.g. the signed-in user of the HTTP request
    /// that opened the WebSocket). When set, the session joins as this principal with no second login.
    /// </summary>
    public Auth.WampPrincipal? AuthenticatedUser { get; init; }

    /// <summary>
    /// True for the host's own code joining in process (server-side procedures, topics and
    /// components): it joins as <see cref="AuthenticatedUser"/> and, like the router's own
    /// session, is not subject to role permissions. It is listed by the meta API like any session.
    /// </summary>
    public bool IsTrusted { get; init; }

    /// <summary>The transport type of the router's own session, which calls dynamic authenticators and authorizers.</summary>
    internal const string InternalType = "internal";

    /// <summary>True for the router's own session: it bypasses authorization and is hidden from the meta API.</summary>
    internal bool IsInternal => Type == InternalType;

    /// <summary>The client's IP address (without port), for per-address limits; null when unknown.</summary>
    public string? ClientAddress { get; init; }

    internal Dictionary<string, object?> ToDict() => new(StringComparer.Ordinal)
    {
        ["type"] = Type,
        ["serializer"] = Serializer,
        ["peer"] = Peer,
    };
}
