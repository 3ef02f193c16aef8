using System.Text;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;
using LiveStack.Wamp.Tests.Support;

namespace LiveStack.Wamp.Tests.Codecs;

/// <summary>
/// A router decodes with the publisher's serializer and encodes with each subscriber's, so values must
/// keep their kind across serializers: binary stays binary, text stays text, ids stay exact.
/// </summary>
public sealed class CrossSerializerTests
{
    // [16, 1, {}, "t", [<bytes 00 01 fe ff>]] in each serializer; JSON carries binary as "\u0000" + base64.
    private const string BinaryJson = """[16,1,{},"t",["\u0000AAH+/w=="]]""";
    private const string BinaryMessagePack = "95100180a17491c4040001feff";
    private const string BinaryCbor = "851001a0617481440001feff";

    [Fact]
    public void BinaryPublishedAsJsonComesOutAsMessagePackBinAndCborByteString()
    {
        var message = WampCodecs.Json.Decode(TestFrames.FromJson("json", BinaryJson));

        Assert.Equal(new byte[] { 0, 1, 0xfe, 0xff }, Assert.IsType<byte[]>(((PublishMessage)message).Arguments![0]));
        Assert.Equal(BinaryMessagePack, Convert.ToHexStringLower(WampCodecs.MessagePack.EncodeToArray(message)));
        Assert.Equal(BinaryCbor, Convert.ToHexStringLower(WampCodecs.Cbor.EncodeToArray(message)));
    }

    [Theory]
    [InlineData("msgpack", BinaryMessagePack)]
    [InlineData("cbor", BinaryCbor)]
    public void BinaryFromBinarySerializersComesOutAsJsonBase64(string serializer, string hex)
    {
        var message = TestCodecs.ByName(serializer).Decode(Convert.FromHexString(hex));

        Assert.Equal(BinaryJson, Encoding.UTF8.GetString(WampCodecs.Json.EncodeToArray(message)));
    }

    [Fact]
    public void MessagePackStrAndBinStayDistinct()
    {
        // Arguments ["abc" as str, "abc" as bin]: msgpack v5 tells them apart, and so must we.
        var frame = Convert.FromHexString("95100180a17492a3616263c403616263");
        var message = (PublishMessage)WampCodecs.MessagePack.Decode(frame);

        Assert.Equal("abc", Assert.IsType<string>(message.Arguments![0]));
        Assert.Equal("abc"u8.ToArray(), Assert.IsType<byte[]>(message.Arguments[1]));
        Assert.Equal(frame, WampCodecs.MessagePack.EncodeToArray(message));
        Assert.Equal("851001a06174826361626343616263", Convert.ToHexStringLower(WampCodecs.Cbor.EncodeToArray(message)));
        Assert.Equal("""[16,1,{},"t",["abc","\u0000YWJj"]]""", Encoding.UTF8.GetString(WampCodecs.Json.EncodeToArray(message)));
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(WampIds.Max - 1)]
    [InlineData(WampIds.Max)]
    public void IdsUpTo2Pow53SurviveEverySerializer(long id)
    {
        WampMessage message = new EventMessage(id, id, new Dictionary<string, object?>(), [id]);
        foreach (var name in TestCodecs.Names)
        {
            var codec = TestCodecs.ByName(name);
            message = codec.Decode(codec.EncodeToArray(message));
        }

        var decoded = Assert.IsType<EventMessage>(message);
        Assert.Equal((id, id, id), (decoded.Subscription, decoded.Publication, Assert.IsType<long>(decoded.Arguments![0])));
    }

    [Theory]
    [InlineData("msgpack", "95100180a17491d40000")]
    [InlineData("cbor", "851001a0617481f7")]
    public void UndefinedInsideAPayloadDecodesAsNull(string serializer, string hex)
    {
        // msgpackr (wampy) writes JavaScript's undefined as fixext 1 type 0 (D4 00 00), cbor-x as F7.
        var message = (PublishMessage)TestCodecs.ByName(serializer).Decode(Convert.FromHexString(hex));

        Assert.Null(Assert.Single(message.Arguments!));
    }

    [Theory]
    [InlineData("msgpack", "95100180a174d40000")]
    [InlineData("cbor", "851001a06174f7")]
    public void UndefinedInPlaceOfArgumentsMeansNoArguments(string serializer, string hex)
    {
        var message = (PublishMessage)TestCodecs.ByName(serializer).Decode(Convert.FromHexString(hex));

        Assert.Null(message.Arguments);
        Assert.Null(message.ArgumentsKeywords);
    }

    public static TheoryData<string> SampleNames => [.. SampleMessages.ByName.Keys];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void EverySampleSurvivesEveryPairOfSerializers(string sample)
    {
        var original = SampleMessages.ByName[sample];
        foreach (var from in TestCodecs.Names)
        {
            foreach (var to in TestCodecs.Names)
            {
                var relayed = TestCodecs.ByName(from).Decode(TestCodecs.ByName(from).EncodeToArray(original));
                var delivered = TestCodecs.ByName(to).Decode(TestCodecs.ByName(to).EncodeToArray(relayed));
                Assert.Equal(Canonical.Render(original), Canonical.Render(delivered));
            }
        }
    }
}
