namespace LiveStack.Interop.Tests;

/// <summary>autobahn-js 22.11.1 RPC over WebSocket with each serializer.</summary>
public sealed class AutobahnRpcTests(RouterFixture router, ITestOutputHelper output) : IClassFixture<RouterFixture>
{
    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task ArgsAndKwargs(string serializer) =>
        NodeScript.AssertPassesAsync(output, "autobahn/rpc-args.js", router.WebSocket(serializer));

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task ApplicationErrors(string serializer) =>
        NodeScript.AssertPassesAsync(output, "autobahn/rpc-error.js", router.WebSocket(serializer));

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task ProgressiveResults(string serializer) =>
        NodeScript.AssertPassesAsync(output, "autobahn/rpc-progress.js", router.WebSocket(serializer));

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task Cancel(string serializer) =>
        NodeScript.AssertPassesAsync(output, "autobahn/rpc-cancel.js", router.WebSocket(serializer));

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task CallTimeout(string serializer) =>
        NodeScript.AssertPassesAsync(output, "autobahn/rpc-timeout.js", router.WebSocket(serializer));

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task SharedRoundRobinRegistration(string serializer) =>
        NodeScript.AssertPassesAsync(output, "autobahn/rpc-roundrobin.js", router.WebSocket(serializer));
}
