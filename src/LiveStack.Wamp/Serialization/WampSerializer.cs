namespace LiveStack.Wamp.Serialization;

/// <summary>
/// The serializers LiveStack speaks. The numeric values are the RawSocket serializer
/// identifiers, so they can go straight into a handshake.
/// </summary>
public enum WampSerializer
{
    /// <summary><c>wamp.2.json</c>: UTF-8 JSON, binary as a string of U+0000 followed by base64.</summary>
    Json = 1,
    /// <summary><c>wamp.2.msgpack</c>: MessagePack v5 (str and bin distinct).</summary>
    MessagePack = 2,
    /// <summary><c>wamp.2.cbor</c>: CBOR (RFC 8949).</summary>
    Cbor = 3,
}
