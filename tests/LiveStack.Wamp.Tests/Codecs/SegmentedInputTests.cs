using LiveStack.Wamp.Tests.Support;

namespace LiveStack.Wamp.Tests.Codecs;

/// <summary>
/// Transports hand frames over as multi-segment sequences whenever a frame spans buffers; the split
/// points (inside a number, a string, a UTF-8 sequence) must not change what is decoded.
/// </summary>
public sealed class SegmentedInputTests
{
    public static TheoryData<string, string> Cases => SampleMessages.WithSerializers();

    [Theory]
    [MemberData(nameof(Cases))]
    public void SplitFramesDecodeLikeWholeOnes(string sample, string serializer)
    {
        var codec = TestCodecs.ByName(serializer);
        var frame = codec.EncodeToArray(SampleMessages.ByName[sample]);
        var whole = Canonical.Render(codec.Decode(frame));

        foreach (var segmentLength in new[] { 1, 2, 3, 7, 64 })
        {
            Assert.Equal(whole, Canonical.Render(codec.Decode(Segments.Split(frame, segmentLength))));
        }
    }

    [Theory]
    [InlineData("msgpack", "9301a2c3ff80")]
    [InlineData("cbor", "830162c3ffa0")]
    [InlineData("json", "5b312c22c3ff222c7b7d5d")]
    public void InvalidUtf8SplitAcrossSegmentsIsRefused(string serializer, string hex)
    {
        // A two-byte sequence whose second byte is not a continuation, split between its two bytes.
        var frame = Convert.FromHexString(hex);
        var codec = TestCodecs.ByName(serializer);

        for (var segmentLength = 1; segmentLength < frame.Length; segmentLength++)
        {
            Assert.Throws<WampProtocolException>(() => codec.Decode(Segments.Split(frame, segmentLength)));
        }
    }
}
