namespace LiveStack.Wamp.Serialization;

/// <summary>The built-in codecs and lookups by subprotocol and serializer id.</summary>
public static class WampCodecs
{
    /// <summary>Nesting deeper than this in a payload is refused as hostile.</summary>
    public const int MaxDepth = 64;

    /// <summary>The <c>wamp.2.json</c> codec.</summary>
    public static IWampCodec Json { get; } = new JsonWampCodec();

    /// <summary>The <c>wamp.2.msgpack</c> codec.</summary>
    public static IWampCodec MessagePack { get; } = new MessagePackWampCodec();

    /// <summary>The <c>wamp.2.cbor</c> codec.</summary>
    public static IWampCodec Cbor { get; } = new CborWampCodec();

    /// <summary>All built-in codecs, in the router's order of preference.</summary>
    public static IReadOnlyList<IWampCodec> All { get; } = [Json, MessagePack, Cbor];

    /// <summary>Finds the codec for a WebSocket subprotocol, or null.</summary>
    public static IWampCodec? FromSubprotocol(string subprotocol)
    {
        foreach (var codec in All)
        {
            if (string.Equals(codec.Subprotocol, subprotocol, StringComparison.Ordinal))
            {
                return codec;
            }
        }

        return null;
    }

    /// <summary>Finds the codec for a serializer id (as in the RawSocket handshake), or null.</summary>
    public static IWampCodec? FromSerializer(WampSerializer serializer) => serializer switch
    {
        WampSerializer.Json => Json,
        WampSerializer.MessagePack => MessagePack,
        WampSerializer.Cbor => Cbor,
        _ => null,
    };
}
