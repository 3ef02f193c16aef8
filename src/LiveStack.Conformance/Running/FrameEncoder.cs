using LiveStack.Wamp.Serialization;

namespace LiveStack.Conformance.Running;

/// <summary>
/// Writes a frame exactly as the script gives it, in the run's serializer. It deliberately does
/// not go through the typed message model (only the codecs' value encoders), so scripts can send
/// what a correct client never would (unknown message types, ERROR for a bad request type, wrong
/// element counts).
/// </summary>
internal static class FrameEncoder
{
    public static byte[] Encode(IReadOnlyList<object?> frame, WampSerializer serializer) =>
        Encode(WampCodecs.FromSerializer(serializer) ?? WampCodecs.Json, frame);

    /// <summary>Encodes any value of the neutral tree with <paramref name="codec"/>.</summary>
    public static byte[] Encode(IWampCodec codec, object? value)
    {
        using var buffer = new PooledBufferWriter();
        codec.EncodeValue(value, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
