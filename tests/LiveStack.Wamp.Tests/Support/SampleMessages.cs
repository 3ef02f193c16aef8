using LiveStack.Wamp.Messages;

namespace LiveStack.Wamp.Tests.Support;

/// <summary>
/// One valid message of every type, with payloads that exercise every kind of value the codecs carry
/// (negative and 2^53-sized integers, floats, binary, non-ASCII text, nesting, nulls).
/// The seeds for truncation, mutation and segmentation tests.
/// </summary>
internal static class SampleMessages
{
    private static readonly Dictionary<string, object?> Empty = [];

    private static readonly object?[] Args =
    [
        0L, -1L, WampIds.Max, long.MinValue, ulong.MaxValue, 0.25, -1.5e300, true, false, null,
        "", "héllo wörld ✓ 😀", new byte[] { 0, 1, 254, 255 }, new object?[] { new object?[] { 1L } },
    ];

    private static readonly Dictionary<string, object?> Kwargs = new()
    {
        ["name"] = "alice",
        ["nested"] = new Dictionary<string, object?> { ["list"] = new object?[] { 1L, "two", null }, ["empty"] = Empty },
        ["blob"] = new byte[] { 42 },
    };

    private static readonly Dictionary<string, object?> Roles = new()
    {
        ["roles"] = new Dictionary<string, object?> { ["broker"] = new Dictionary<string, object?> { ["features"] = Empty } },
    };

    public static IReadOnlyDictionary<string, WampMessage> ByName { get; } = new Dictionary<string, WampMessage>
    {
        ["hello"] = new HelloMessage("com.example.realm", Roles),
        ["welcome"] = new WelcomeMessage(WampIds.Max, Roles),
        ["abort"] = new AbortMessage(new Dictionary<string, object?> { ["message"] = "no" }, "wamp.error.no_such_realm", Args, Kwargs),
        ["challenge"] = new ChallengeMessage("wampcra", new Dictionary<string, object?> { ["challenge"] = "{}" }),
        ["authenticate"] = new AuthenticateMessage("c2lnbmF0dXJl", Empty),
        ["goodbye"] = new GoodbyeMessage(Empty, "wamp.close.normal"),
        ["error"] = new ErrorMessage(MessageCode.Call, 7, Empty, "com.example.error", Args, Kwargs),
        ["publish"] = new PublishMessage(1, new Dictionary<string, object?> { ["acknowledge"] = true, ["exclude"] = new object?[] { 5L } }, "com.example.topic", Args, Kwargs),
        ["published"] = new PublishedMessage(1, 4429313566),
        ["subscribe"] = new SubscribeMessage(2, new Dictionary<string, object?> { ["match"] = "prefix" }, "com.example"),
        ["subscribed"] = new SubscribedMessage(2, 5512315355),
        ["unsubscribe"] = new UnsubscribeMessage(3, 5512315355),
        ["unsubscribed"] = new UnsubscribedMessage(3),
        ["unsubscribed-revocation"] = new UnsubscribedMessage(0, new Dictionary<string, object?> { ["subscription"] = 5512315355L, ["reason"] = "wamp.close.killed" }),
        ["event"] = new EventMessage(5512315355, 4429313566, Empty, Args),
        ["call"] = new CallMessage(4, new Dictionary<string, object?> { ["timeout"] = 1000L }, "com.example.add", null, Kwargs),
        ["cancel"] = new CancelMessage(4, new Dictionary<string, object?> { ["mode"] = "killnowait" }),
        ["result"] = new ResultMessage(4, Empty, Args, Kwargs),
        ["register"] = new RegisterMessage(5, Empty, "com.example.add"),
        ["registered"] = new RegisteredMessage(5, 2103333224),
        ["unregister"] = new UnregisterMessage(6, 2103333224),
        ["unregistered"] = new UnregisteredMessage(6),
        ["invocation"] = new InvocationMessage(1, 2103333224, Empty, [1L, 2L]),
        ["interrupt"] = new InterruptMessage(1, Empty),
        ["yield"] = new YieldMessage(1, new Dictionary<string, object?> { ["progress"] = true }, [3L]),
    };

    /// <summary>Every sample message paired with every serializer.</summary>
    public static TheoryData<string, string> WithSerializers()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in ByName.Keys)
        {
            foreach (var serializer in TestCodecs.Names)
            {
                data.Add(name, serializer);
            }
        }

        return data;
    }
}
