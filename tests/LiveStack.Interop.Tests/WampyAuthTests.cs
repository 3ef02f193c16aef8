namespace LiveStack.Interop.Tests;

/// <summary>wampy.js 8.0.2 authenticating (ticket, WAMP-CRA plain and salted, cryptosign) and being authorized by role.</summary>
public sealed class WampyAuthTests(AuthRouterFixture router, ITestOutputHelper output) : IClassFixture<AuthRouterFixture>
{
    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public Task AuthenticationAndAuthorization(string serializer) =>
        NodeScript.AssertPassesAsync(output, "wampy/auth.js", router.WebSocket(serializer));
}
