namespace LiveStack.Wamp.Tests.Vectors;

/// <summary>
/// The documented exceptions to "every vector decodes". Each entry says why it does not apply to us;
/// the vector tests still run these samples and check the documented outcome instead.
/// </summary>
/// <remarks>
/// One rule covers a whole category instead of entries: validation samples with <c>expected_error</c>
/// (an option or detail of the wrong type, e.g. <c>acknowledge: "hello"</c>) decode anyway. The codec
/// keeps Options and Details as opaque dictionaries so unknown keys pass through (WAMP.md §1.1); the
/// router checks the keys it acts on. The tests assert that such a message arrives unchanged, so the
/// router sees the bad value.
/// </remarks>
internal static class VectorExclusions
{
    /// <summary>Serializers the vectors list that LiveStack does not speak; their variants are not tested.</summary>
    public static IReadOnlyDictionary<string, string> UnsupportedSerializers { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ubjson"] = "Only Crossbar and autobahn-python offer wamp.2.ubjson; LiveStack speaks json, msgpack and cbor (WAMP.md §1.9).",
        ["flatbuffers"] = "Only Crossbar and autobahn-python offer wamp.2.flatbuffers; LiveStack speaks json, msgpack and cbor (WAMP.md §1.9).",
    };

    private const string PayloadPassthru =
        "Payload Passthru Mode (E2EE, advanced profile): the payload is one binary or string where Arguments must be a list. " +
        "Our messages have no member for it, so the codec refuses it as a protocol violation.";

    private const string EventReceived =
        "EVENT_RECEIVED (337) is autobahn-python's implementation-specific code that no router implements (WAMP.md §1.1); " +
        "to us it is an unknown message type, which the codec must refuse.";

    /// <summary>Samples, by file and index in its <c>samples</c> list, that every codec must refuse with WampProtocolException.</summary>
    public static IReadOnlyDictionary<(string File, int Index), string> Refused { get; } = new Dictionary<(string, int), string>
    {
        [("advanced/eventreceived.json", 0)] = EventReceived,
        [("basic/event.json", 1)] = PayloadPassthru,
        [("basic/event.json", 3)] = PayloadPassthru,
        [("basic/event.json", 22)] = PayloadPassthru,
        [("basic/event.json", 23)] = PayloadPassthru,
        [("basic/event.json", 24)] = PayloadPassthru,
        [("basic/publish.json", 1)] = PayloadPassthru,
        [("basic/publish.json", 3)] = PayloadPassthru,
        [("basic/publish.json", 39)] = PayloadPassthru,
        [("basic/publish.json", 40)] = PayloadPassthru,
        [("basic/publish.json", 41)] = PayloadPassthru,
    };

    /// <summary>Asserts that a refused sample's frame is refused the documented way, quoting the reason if not.</summary>
    public static void AssertRefused(string reason, Action decode)
    {
        var error = Record.Exception(decode);
        Assert.True(error is WampProtocolException, $"Expected WampProtocolException ({reason}); got {error?.GetType().Name ?? "a decoded message"}.");
    }
}
