using System.Text;
using LiveStack.Wamp.Tests.Support;

namespace LiveStack.Wamp.Tests.Codecs;

/// <summary>
/// Other implementations do not always choose the shortest encoding: wider integers and string
/// headers, indefinite lengths, tags, half floats, whitespace and escapes. Every valid form decodes
/// to the same message as the plain one.
/// </summary>
public sealed class EncodingVariantTests
{
    [Theory]
    [InlineData("msgpack", "9311d30000000000000001cf0000000000000002", "[17,1,2]")]
    [InlineData("msgpack", "9311cc01cd0002", "[17,1,2]")]
    [InlineData("msgpack", "dc0003110102", "[17,1,2]")]
    [InlineData("msgpack", "dd00000003110102", "[17,1,2]")]
    [InlineData("msgpack", "9306de0000d90172", "[6,{},\"r\"]")]
    [InlineData("msgpack", "930680da000172", "[6,{},\"r\"]")]
    [InlineData("msgpack", "930680db0000000172", "[6,{},\"r\"]")]
    [InlineData("msgpack", "95100180a17491ca3f800000", "[16,1,{},\"t\",[1.0]]")]
    [InlineData("cbor", "9f110102ff", "[17,1,2]")]
    [InlineData("cbor", "8318111900011a00000002", "[17,1,2]")]
    [InlineData("cbor", "d9d9f783110102", "[17,1,2]")]
    [InlineData("cbor", "8306bfff6172", "[6,{},\"r\"]")]
    [InlineData("cbor", "8306a07f61726161ff", "[6,{},\"ra\"]")]
    [InlineData("cbor", "851001a0617481f93c00", "[16,1,{},\"t\",[1.0]]")]
    public void BinaryVariantsDecodeLikeThePlainForm(string serializer, string hex, string json)
    {
        var message = TestCodecs.ByName(serializer).Decode(Convert.FromHexString(hex));

        Assert.Equal(Canonical.Render(TestCodecs.ByName("json").Decode(Encoding.UTF8.GetBytes(json))), Canonical.Render(message));
    }

    [Theory]
    [InlineData(" [ 6 ,\n{ } ,\t\"\\u0072\" ] \r\n", "[6,{},\"r\"]")]
    [InlineData("[6,{\"a\\/b\":\"\\\"\\\\\"},\"r\"]", "[6,{\"a/b\":\"\\\"\\\\\"},\"r\"]")]
    [InlineData("[16,1,{},\"t\",[1.0,1e2,-0.5E-1]]", "[16,1,{},\"t\",[1.0,100.0,-0.05]]")]
    public void JsonVariantsDecodeLikeThePlainForm(string variant, string plain)
    {
        var json = TestCodecs.ByName("json");

        Assert.Equal(Canonical.Render(json.Decode(Encoding.UTF8.GetBytes(plain))), Canonical.Render(json.Decode(Encoding.UTF8.GetBytes(variant))));
    }
}
