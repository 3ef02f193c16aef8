namespace LiveStack.Interop.Tests;

/// <summary>autobahn-js 22.11.1 pub/sub over WebSocket with each serializer.</summary>
public sealed class AutobahnPubSubTests(RouterFixture router, ITestOutputHelper output) : IClassFixture<RouterFixture>
{
    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task PublisherExclusion(string serializer) =>
        NodeScript.AssertPassesAsync(output, "autobahn/pubsub-exclude-me.js", router.WebSocket(serializer));

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task EligibleAndExcludeLists(string serializer) =>
        NodeScript.AssertPassesAsync(output, "autobahn/pubsub-black-white.js", router.WebSocket(serializer));

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task PrefixAndWildcardSubscriptions(string serializer) =>
        NodeScript.AssertPassesAsync(output, "autobahn/pubsub-patterns.js", router.WebSocket(serializer));

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task RetainedEvents(string serializer) =>
        NodeScript.AssertPassesAsync(output, "autobahn/pubsub-retained.js", router.WebSocket(serializer));
}
