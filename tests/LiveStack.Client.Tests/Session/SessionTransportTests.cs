using LiveStack.Client.Transports;

namespace LiveStack.Client.Tests.Session;

public class SessionTransportTests(SessionRouterFixture router) : IClassFixture<SessionRouterFixture>
{
    [Theory]
    [InlineData("ws", "json")]
    [InlineData("ws", "msgpack")]
    [InlineData("ws", "cbor")]
    [InlineData("rs", "json")]
    [InlineData("rs", "msgpack")]
    [InlineData("rs", "cbor")]
    public async Task CallRoundTripsOverEveryTransportAndSerializer(string transport, string serializer)
    {
        var url = transport == "ws" ? router.WebSocketUrl : router.RawSocketUrl;
        await using var callee = await WampSession.ConnectAsync(WampConnectors.FromUrl(url, serializer)).WaitAsync(Wait.Timeout);
        await using var caller = await WampSession.ConnectAsync(WampConnectors.FromUrl(url, serializer)).WaitAsync(Wait.Timeout);
        var procedure = Wait.Uri("echo");
        await using var registration = await callee.RegisterAsync(procedure, (invocation, _) =>
            ValueTask.FromResult(new WampResult(invocation.Arguments, invocation.ArgumentsKeywords))).WaitAsync(Wait.Timeout);

        var nested = new Dictionary<string, object?> { ["list"] = new List<object?> { 1L, "two", null }, ["flag"] = true };
        var keywords = new Dictionary<string, object?> { ["name"] = "zoë", ["bytes"] = new byte[] { 0, 1, 254, 255 } };
        var result = await caller.CallAsync(procedure, ["text", 42L, 2.5, false, null, nested], keywords).WaitAsync(Wait.Timeout);

        Assert.True(caller.IsOpen);
        Assert.NotEqual(0, caller.Id);
        Assert.Equal("text", result.Arguments[0]);
        Assert.Equal(42L, result.Arguments[1]);
        Assert.Equal(2.5, result.Arguments[2]);
        Assert.Equal(false, result.Arguments[3]);
        Assert.Null(result.Arguments[4]);
        var echoed = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(result.Arguments[5]);
        Assert.Equal(true, echoed["flag"]);
        Assert.Equal(["two"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(echoed["list"]).OfType<string>());
        Assert.Equal("zoë", result.Keyword<string>("name"));
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, result.ArgumentsKeywords["bytes"]);
    }

    [Fact]
    public async Task ConnectAsyncWithAUrlUsesJsonOverWebSocket()
    {
        await using var session = await WampSession.ConnectAsync(router.WebSocketUrl).WaitAsync(Wait.Timeout);

        Assert.Equal("realm1", session.Realm);
        Assert.Equal("anonymous", session.AuthRole);
        Assert.True(session.WelcomeDetails.ContainsKey("roles"));
    }

    [Fact]
    public async Task SessionsOverDifferentTransportsTalkToEachOther()
    {
        await using var overRawSocket = await WampSession.ConnectAsync(WampConnectors.FromUrl(router.RawSocketUrl, "msgpack")).WaitAsync(Wait.Timeout);
        await using var overWebSocket = await router.ConnectAsync(serializer: "cbor");
        var procedure = Wait.Uri("add");
        await using var registration = await overRawSocket.RegisterAsync(procedure, (invocation, _) =>
            ValueTask.FromResult(WampResult.Of(invocation.Argument<int>(0) + invocation.Argument<int>(1)))).WaitAsync(Wait.Timeout);

        Assert.Equal(5, await overWebSocket.CallAsync<int>(procedure, 2, 3).WaitAsync(Wait.Timeout));
    }
}
