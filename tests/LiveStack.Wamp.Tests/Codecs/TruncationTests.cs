using LiveStack.Wamp.Tests.Support;

namespace LiveStack.Wamp.Tests.Codecs;

/// <summary>
/// A frame cut short anywhere (a transport bug, or a peer probing) is a protocol violation: every
/// strict prefix of a valid frame, the empty one included, is incomplete in all three serializers.
/// </summary>
public sealed class TruncationTests
{
    public static TheoryData<string, string> Cases => SampleMessages.WithSerializers();

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryStrictPrefixIsRefused(string sample, string serializer)
    {
        var codec = TestCodecs.ByName(serializer);
        var frame = codec.EncodeToArray(SampleMessages.ByName[sample]);

        for (var length = 0; length < frame.Length; length++)
        {
            var prefix = frame[..length];
            Assert.Throws<WampProtocolException>(() => codec.Decode(prefix));
        }
    }
}
