namespace LiveStack.Interop.Tests;

/// <summary>autobahn-js 22.11.1 and the session meta API over WebSocket with each serializer.</summary>
public sealed class AutobahnMetaTests(RouterFixture router, ITestOutputHelper output) : IClassFixture<RouterFixture>
{
    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task SessionMetaEventsAndProcedures(string serializer) =>
        NodeScript.AssertPassesAsync(output, "autobahn/meta-session.js", router.WebSocket(serializer));
}
