using LiveStack.Wamp.Tests.Support;

namespace LiveStack.Wamp.Tests.Codecs;

/// <summary>
/// Bytes from a peer are hostile until decoded: whatever is wrong with them, the codec must answer
/// with WampProtocolException (which the router turns into ABORT) and never with anything else.
/// </summary>
public sealed class HostileInputTests
{
    /// <summary>Well-formed encodings of invalid WAMP messages, written in every serializer.</summary>
    public static TheoryData<string, string> InvalidMessages()
    {
        string[] messages =
        [
            // Not a message at all.
            "[]", "{}", "16", "\"hello\"", "null", "true",
            // Unknown or malformed type codes; 4294967312 is 2^32 + 16 (PUBLISH once cut to 32 bits).
            "[0]", "[7]", "[-1, {}]", "[999, 1]", "[337, 5512315355]", "[4294967312, 1, {}, \"t\"]",
            "[\"16\", 1, {}, \"t\"]", "[16.5, 1, {}, \"t\"]", "[null, 1, {}, \"t\"]",
            // Wrong element types.
            "[16, \"1\", {}, \"t\"]", "[16, 1, [], \"t\"]", "[16, 1, {}, 5]", "[16, 1, null, \"t\"]",
            "[16, 1, {}, \"t\", {}]", "[16, 1, {}, \"t\", [], []]", "[16, 1, {}, \"t\", \"payload\"]",
            "[1, \"realm\", []]", "[1, 5, {}]", "[6, null, \"r\"]", "[6, {}, null]", "[17, true, 1]", "[17, 1.5, 1]",
            // ERROR must answer a request type; 4294967344 is 2^32 + 48 (CALL once cut to 32 bits).
            "[8, 99, 1, {}, \"e\"]", "[8, 17, 1, {}, \"e\"]", "[8, 4294967344, 1, {}, \"e\"]", "[8, \"48\", 1, {}, \"e\"]",
            // Wrong element counts.
            "[1]", "[6, {}]", "[6, {}, \"r\", 1]", "[17, 1]", "[17, 1, 2, 3]", "[16, 1, {}, \"t\", [], {}, 1]", "[35]", "[35, 1, {}, 1]",
            // Ids outside [1, 2^53]; 0 is only allowed in the revocation forms [35, 0, {}] and [67, 0, {}].
            "[17, 0, 1]", "[17, 1, 0]", "[17, -1, 1]", "[17, 1, -9223372036854775808]",
            "[17, 9007199254740993, 1]", "[17, 1, 9223372036854775807]", "[17, 18446744073709551615, 1]",
            "[2, 0, {}]", "[8, 48, 0, {}, \"e\"]", "[35, 0]", "[67, 0]", "[35, -1, {}]", "[67, 9007199254740993]",
        ];

        var data = new TheoryData<string, string>();
        foreach (var serializer in TestCodecs.Names)
        {
            foreach (var message in messages)
            {
                data.Add(serializer, message);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public void InvalidMessagesAreRefused(string serializer, string json) =>
        Assert.Throws<WampProtocolException>(() => TestCodecs.ByName(serializer).Decode(TestFrames.FromJson(serializer, json)));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("[")]
    [InlineData("[17,1,2")]
    [InlineData("[17,1,2,]")]
    [InlineData("[17,01,2]")]
    [InlineData("[17,1,2]x")]
    [InlineData("[17,1,2][17,1,2]")]
    [InlineData("[17,1,2]//")]
    [InlineData("[17,NaN,2]")]
    [InlineData("['17',1,2]")]
    [InlineData("[16,1,{},\"t\",[1e400]]")]
    [InlineData("[6,{\"a\" 1},\"r\"]")]
    [InlineData("[6,{1:1},\"r\"]")]
    [InlineData("[6,{},\"\\ud800\"]")]
    [InlineData("[6,{},\"\\x41\"]")]
    [InlineData("[16,1,{},\"t\",[\"\\u0000not base64!\"]]")]
    public void MalformedJsonIsRefused(string text) =>
        Assert.Throws<WampProtocolException>(() => TestCodecs.ByName("json").Decode(TestFrames.FromJson("json", text)));

    [Theory]
    // Invalid UTF-8 in a string: a stray continuation byte, an overlong NUL, an encoded surrogate, and in a key.
    [InlineData("json", "5b312c22ff222c7b7d5d")]
    [InlineData("json", "5b312c22c080222c7b7d5d")]
    [InlineData("json", "5b312c22eda080222c7b7d5d")]
    [InlineData("json", "5b362c7b22ff223a317d2c2272225d")]
    [InlineData("msgpack", "9301a1ff80")]
    [InlineData("msgpack", "9301a2c08080")]
    [InlineData("msgpack", "9301a3eda08080")]
    [InlineData("msgpack", "930681a1ff01a172")]
    [InlineData("cbor", "830161ffa0")]
    [InlineData("cbor", "830162c080a0")]
    [InlineData("cbor", "830163eda080a0")]
    [InlineData("cbor", "8306a161ff016172")]
    [InlineData("cbor", "8306a07f617261ffff")]
    // Empty input and truncated headers.
    [InlineData("msgpack", "")]
    [InlineData("msgpack", "93")]
    [InlineData("msgpack", "dc")]
    [InlineData("cbor", "")]
    [InlineData("cbor", "83")]
    [InlineData("cbor", "98")]
    // Lengths claiming far more than the frame holds (array, map, str, bin; nested too).
    [InlineData("msgpack", "ddffffffff11")]
    [InlineData("msgpack", "931101ddffffffff")]
    [InlineData("msgpack", "dfffffffff")]
    [InlineData("msgpack", "9306deffffa172")]
    [InlineData("msgpack", "930680dbffffffff41")]
    [InlineData("msgpack", "95100180a174c6ffffffff")]
    [InlineData("msgpack", "c9ffffffff05")]
    [InlineData("cbor", "9bffffffffffffffff")]
    [InlineData("cbor", "9affffffff11")]
    [InlineData("cbor", "bbffffffffffffffff")]
    [InlineData("cbor", "8306a07bffffffffffffffff")]
    [InlineData("cbor", "851001a061745bffffffffffffffff")]
    // Items that have no place in WAMP: msgpack's never-used byte, non-string map keys, extensions
    // other than msgpackr's undefined, CBOR's reserved and unassigned encodings.
    [InlineData("msgpack", "c1")]
    [InlineData("msgpack", "9306810101a172")]
    [InlineData("msgpack", "930681c4016101a172")]
    [InlineData("msgpack", "95100180a17491d6ff00000000")]
    [InlineData("msgpack", "95100180a17491d5000000")]
    [InlineData("cbor", "ff")]
    [InlineData("cbor", "83111c02")]
    [InlineData("cbor", "8306a101016172")]
    [InlineData("cbor", "851001a0617481e0")]
    [InlineData("cbor", "851001a0617481f820")]
    [InlineData("cbor", "8306a07f4161ff")]
    [InlineData("cbor", "9f9f9f")]
    // Ids in encodings the JSON-described cases cannot produce: float, int64 and uint64 widths.
    [InlineData("msgpack", "9311ca3f80000002")]
    [InlineData("msgpack", "9311cf002000000000000102")]
    [InlineData("msgpack", "9311cfffffffffffffffff02")]
    [InlineData("msgpack", "9311d3ffffffffffffffff02")]
    [InlineData("cbor", "8311f93c0002")]
    [InlineData("cbor", "83111b002000000000000102")]
    [InlineData("cbor", "83111bffffffffffffffff02")]
    [InlineData("cbor", "83113bffffffffffffffff02")]
    // A valid [17, 1, 2] followed by a stray byte.
    [InlineData("msgpack", "93110102c0")]
    [InlineData("cbor", "8311010200")]
    public void MalformedBytesAreRefused(string serializer, string hex) =>
        Assert.Throws<WampProtocolException>(() => TestCodecs.ByName(serializer).Decode(Convert.FromHexString(hex)));
}
