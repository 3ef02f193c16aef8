using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Router;

/// <summary>
/// A message on its way to one or more sessions. When it is shared by a fan-out, each serializer
/// encodes it at most once and every recipient reuses those bytes.
/// </summary>
public sealed class OutgoingMessage
{
    private readonly byte[]?[]? _encodedBySerializer;

    internal OutgoingMessage(WampMessage message, bool shared)
    {
        Message = message;
        if (shared)
        {
            _encodedBySerializer = new byte[]?[4];
        }
    }

    /// <summary>The message.</summary>
    public WampMessage Message { get; }

    /// <summary>True for an EVENT, which a slow consumer may lose; every other message must arrive or the session ends.</summary>
    internal bool IsDroppable => Message.Code == MessageCode.Event;

    /// <summary>
    /// Returns the encoded bytes. Shared messages are encoded once per serializer and cached;
    /// others are encoded into <paramref name="scratch"/>, which the caller clears between messages.
    /// </summary>
    public ReadOnlyMemory<byte> Encode(IWampCodec codec, PooledBufferWriter scratch)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(scratch);
        if (_encodedBySerializer is null)
        {
            codec.Encode(Message, scratch);
            return scratch.WrittenMemory;
        }

        var slot = (int)codec.Serializer;
        var cached = Volatile.Read(ref _encodedBySerializer[slot]);
        if (cached is null)
        {
            codec.Encode(Message, scratch);
            // Two writers may race to encode; both produce equal bytes, so either may win.
            cached = Interlocked.CompareExchange(ref _encodedBySerializer[slot], scratch.WrittenSpan.ToArray(), null)
                ?? _encodedBySerializer[slot]!;
        }

        return cached;
    }
}
