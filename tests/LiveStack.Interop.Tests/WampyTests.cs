namespace LiveStack.Interop.Tests;

/// <summary>wampy.js 8.0.2 over WebSocket with each serializer.</summary>
public sealed class WampyTests(RouterFixture router, ITestOutputHelper output) : IClassFixture<RouterFixture>
{
    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task PubSub(string serializer) =>
        NodeScript.AssertPassesAsync(output, "wampy/pubsub.js", router.WebSocket(serializer));

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task Rpc(string serializer) =>
        NodeScript.AssertPassesAsync(output, "wampy/rpc.js", router.WebSocket(serializer));

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task ProgressiveResults(string serializer) =>
        NodeScript.AssertPassesAsync(output, "wampy/rpc-progress.js", router.WebSocket(serializer));

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task ApplicationErrors(string serializer) =>
        NodeScript.AssertPassesAsync(output, "wampy/rpc-error.js", router.WebSocket(serializer));

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task CancelAndTimeout(string serializer) =>
        NodeScript.AssertPassesAsync(output, "wampy/rpc-cancel.js", router.WebSocket(serializer));
}
