using System.Text;
using LiveStack.Wamp.Serialization;
using LiveStack.Wamp.Tests.Support;

namespace LiveStack.Wamp.Tests.Codecs;

/// <summary>
/// Nesting is limited to <see cref="WampCodecs.MaxDepth"/> levels, counting the message array itself,
/// so a hostile peer cannot exhaust the stack, and the limit is the same in every serializer so that
/// whatever one peer may send, the router may relay to any other.
/// </summary>
public sealed class NestingDepthTests
{
    private const int Abyss = 100_000;

    public static TheoryData<string> Serializers => TestCodecs.NameData;

    [Theory]
    [MemberData(nameof(Serializers))]
    public void PayloadAtTheLimitIsAccepted(string serializer)
    {
        var codec = TestCodecs.ByName(serializer);

        var message = codec.Decode(TestFrames.FromJson(serializer, PublishNested(WampCodecs.MaxDepth)));

        Assert.Equal(Canonical.Render(message), Canonical.Render(codec.Decode(codec.EncodeToArray(message))));
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void PayloadOneLevelPastTheLimitIsRefused(string serializer) =>
        Assert.Throws<WampProtocolException>(() => TestCodecs.ByName(serializer).Decode(TestFrames.FromJson(serializer, PublishNested(WampCodecs.MaxDepth + 1))));

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{\"a\":", "}")]
    public void AbyssalJsonNestingIsRefusedWithoutExhaustingTheStack(string open, string close)
    {
        var frame = Encoding.UTF8.GetBytes(Repeat(open) + "0" + Repeat(close));

        Assert.Throws<WampProtocolException>(() => WampCodecs.Json.Decode(frame));
    }

    [Theory]
    [InlineData("msgpack", "91", "90")]
    [InlineData("msgpack", "81a161", "80")]
    [InlineData("cbor", "81", "80")]
    [InlineData("cbor", "a16161", "a0")]
    [InlineData("cbor", "9f", "80")]
    [InlineData("cbor", "c6", "01")]
    public void AbyssalBinaryNestingIsRefusedWithoutExhaustingTheStack(string serializer, string openHex, string innermostHex)
    {
        var frame = Convert.FromHexString(Repeat(openHex) + innermostHex);

        Assert.Throws<WampProtocolException>(() => TestCodecs.ByName(serializer).Decode(frame));
    }

    private static string Repeat(string text) => string.Concat(Enumerable.Repeat(text, Abyss));

    /// <summary>A PUBLISH whose nesting, counting the message array, is <paramref name="levels"/> deep.</summary>
    private static string PublishNested(int levels) =>
        "[16,1,{},\"t\"," + new string('[', levels - 1) + new string(']', levels - 1) + "]";
}
