namespace LiveStack.Interop.Tests;

/// <summary>
/// Every autobahn-js scenario over RawSocket, through autobahn's Node RawSocket transport. That
/// transport speaks JSON only (autobahn-js 22.11.1), so msgpack and CBOR are covered over WebSocket.
/// </summary>
public sealed class AutobahnRawSocketTests(RouterFixture router, ITestOutputHelper output) : IClassFixture<RouterFixture>
{
    [Theory]
    [InlineData("pubsub-exclude-me")]
    [InlineData("pubsub-black-white")]
    [InlineData("pubsub-patterns")]
    [InlineData("pubsub-retained")]
    [InlineData("rpc-args")]
    [InlineData("rpc-error")]
    [InlineData("rpc-progress")]
    [InlineData("rpc-cancel")]
    [InlineData("rpc-timeout")]
    [InlineData("rpc-roundrobin")]
    [InlineData("meta-session")]
    public Task Scenario(string scenario) =>
        NodeScript.AssertPassesAsync(output, $"autobahn/{scenario}.js", router.RawSocket());
}
