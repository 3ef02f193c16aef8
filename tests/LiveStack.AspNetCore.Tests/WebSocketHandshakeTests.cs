using System.Net;
using System.Net.WebSockets;
using LiveStack.Testing;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.AspNetCore.Tests;

public sealed class WebSocketHandshakeTests : IAsyncLifetime
{
    private RouterHost _host = null!;

    public async Task InitializeAsync() => _host = await RouterHost.StartAsync(o => o.AllowedOrigins.Add("https://app.example.com"));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(new[] { "wamp.2.json" }, "wamp.2.json")]
    [InlineData(new[] { "wamp.2.cbor", "wamp.2.json" }, "wamp.2.cbor")]
    [InlineData(new[] { "wamp.2.ubjson", "wamp.2.msgpack", "wamp.2.json" }, "wamp.2.msgpack")]
    public async Task PicksTheFirstSupportedSubprotocolInTheClientsOrder(string[] offered, string expected)
    {
        using var socket = new ClientWebSocket();
        foreach (var protocol in offered)
        {
            socket.Options.AddSubProtocol(protocol);
        }

        await socket.ConnectAsync(_host.WebSocketUrl, CancellationToken.None);
        Assert.Equal(expected, socket.SubProtocol);
    }

    [Theory]
    [InlineData]
    [InlineData("wamp.2.ubjson")]
    [InlineData("chat")]
    public async Task RefusesAnUpgradeWithoutASupportedSubprotocol(params string[] offered)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        foreach (var protocol in offered)
        {
            socket.Options.AddSubProtocol(protocol);
        }

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_host.WebSocketUrl, CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
    }

    [Fact]
    public async Task PlainHttpGetsUpgradeRequired()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri($"http://127.0.0.1:{_host.HttpPort}/ws"));
        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example.net", false)]
    [InlineData("https://app.example.com", true)]
    public async Task BrowserOriginsAreChecked(string origin, bool allowed)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.AddSubProtocol("wamp.2.json");
        socket.Options.SetRequestHeader("Origin", origin);
        if (allowed)
        {
            await socket.ConnectAsync(_host.WebSocketUrl, CancellationToken.None);
            Assert.Equal(WebSocketState.Open, socket.State);
        }
        else
        {
            await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_host.WebSocketUrl, CancellationToken.None));
            Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public async Task EverySerializerRoutesAndTranslatesBinary(string serializer)
    {
        var codec = WampCodecs.FromSubprotocol("wamp.2." + serializer)!;
        await using var subscriber = await TestPeer.JoinAsync(_host.WebSocketUrl, codec: WampCodecs.Json);
        await using var publisher = await TestPeer.JoinAsync(_host.WebSocketUrl, codec: codec);
        await subscriber.SubscribeAsync("com.example.bytes");

        byte[] bytes = [0, 1, 2, 250, 255];
        await publisher.SendAsync(new PublishMessage(publisher.NextRequest(), new Dictionary<string, object?> { ["acknowledge"] = true }, "com.example.bytes", [bytes, "text", 42L]));
        await publisher.ReceiveAsync<PublishedMessage>();

        var evt = await subscriber.ReceiveAsync<EventMessage>();
        Assert.Equal(bytes, evt.Arguments![0]);
        Assert.Equal("text", evt.Arguments[1]);
        Assert.Equal(42L, evt.Arguments[2]);
    }
}
