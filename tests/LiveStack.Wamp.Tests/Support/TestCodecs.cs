using System.Buffers;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Wamp.Tests.Support;

/// <summary>The codecs by the serializer names the test vectors use, and byte-array shortcuts.</summary>
internal static class TestCodecs
{
    /// <summary>The serializers LiveStack speaks, named as in the vectors' <c>serializers</c> maps.</summary>
    public static IReadOnlyList<string> Names { get; } = ["json", "msgpack", "cbor"];

    public static TheoryData<string> NameData => [.. Names];

    public static IWampCodec ByName(string name) => name switch
    {
        "json" => WampCodecs.Json,
        "msgpack" => WampCodecs.MessagePack,
        "cbor" => WampCodecs.Cbor,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a serializer LiveStack speaks."),
    };

    public static WampMessage Decode(this IWampCodec codec, byte[] frame) => codec.Decode(new ReadOnlySequence<byte>(frame));

    public static byte[] EncodeToArray(this IWampCodec codec, WampMessage message)
    {
        var output = new ArrayBufferWriter<byte>();
        codec.Encode(message, output);
        return output.WrittenSpan.ToArray();
    }
}
