using System.Buffers;
using LiveStack.Wamp.Messages;

namespace LiveStack.Wamp.Serialization;

/// <summary>Turns WAMP messages into bytes and back for one serializer. Implementations are stateless and thread-safe.</summary>
public interface IWampCodec
{
    /// <summary>Which serializer this codec implements.</summary>
    WampSerializer Serializer { get; }

    /// <summary>The WebSocket subprotocol name, e.g. <c>wamp.2.json</c>.</summary>
    string Subprotocol { get; }

    /// <summary>True when messages travel in binary WebSocket frames; false for text frames.</summary>
    bool IsBinary { get; }

    /// <summary>Decodes exactly one message.</summary>
    /// <exception cref="WampProtocolException">The bytes are not one valid WAMP message.</exception>
    WampMessage Decode(ReadOnlySequence<byte> data);

    /// <summary>Encodes one message into <paramref name="output"/>.</summary>
    void Encode(WampMessage message, IBufferWriter<byte> output);

    /// <summary>
    /// Encodes any value of the neutral tree (see <see cref="WampMessageConverter"/>) — for a raw
    /// frame that need not be a valid message, as conformance scripts send, or for printing one.
    /// <see cref="Encode"/> is this applied to the message's array.
    /// </summary>
    void EncodeValue(object? value, IBufferWriter<byte> output);
}
