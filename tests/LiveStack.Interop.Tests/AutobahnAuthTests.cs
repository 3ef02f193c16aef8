namespace LiveStack.Interop.Tests;

/// <summary>
/// autobahn-js 22.11.1 authenticating with every method LiveStack offers (ticket, WAMP-CRA plain and
/// salted, cryptosign) and being authorized by role, in a secured realm.
/// </summary>
public sealed class AutobahnAuthTests(AuthRouterFixture router, ITestOutputHelper output) : IClassFixture<AuthRouterFixture>
{
    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task Ticket(string serializer) =>
        NodeScript.AssertPassesAsync(output, "autobahn/auth-ticket.js", router.WebSocket(serializer));

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task WampCra(string serializer) =>
        NodeScript.AssertPassesAsync(output, "autobahn/auth-wampcra.js", router.WebSocket(serializer));

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task SaltedWampCra(string serializer) =>
        NodeScript.AssertPassesAsync(output, "autobahn/auth-wampcra-salted.js", router.WebSocket(serializer));

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task Cryptosign(string serializer) =>
        NodeScript.AssertPassesAsync(output, "autobahn/auth-cryptosign.js", router.WebSocket(serializer));

    [Fact]
    public Task NoMatchingAuthMethod() =>
        NodeScript.AssertPassesAsync(output, "autobahn/auth-denied.js", router.WebSocket("json"));

    [Theory]
    [InlineData("json")]
    [InlineData("cbor")]
    public Task Authorization(string serializer) =>
        NodeScript.AssertPassesAsync(output, "autobahn/auth-authorization.js", router.WebSocket(serializer));
}
