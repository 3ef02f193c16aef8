using System.Net.WebSockets;
using System.Text;
using LiveStack.Testing;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.AspNetCore.Tests;

/// <summary>Bad frames abort only the offending session; the router and every other session carry on.</summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private const int MaxMessageSize = 64 * 1024;
    private RouterHost _host = null!;

    public async Task InitializeAsync() => _host = await RouterHost.StartAsync(o => o.MaxMessageSize = MaxMessageSize);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string> BadFrames => new()
    {
        { "not json", "[1, \"realm1\"" },
        { "not an array", "{\"hello\": 1}" },
        { "empty array", "[]" },
        { "unknown type", "[999, 1, {}]" },
        { "wrong element type", "[32, \"one\", {}, \"com.example.t\"]" },
        { "id out of range", "[32, 9007199254740993, {}, \"com.example.t\"]" },
        { "ERROR with a bad request type", "[8, 1, 1, {}, \"com.example.error\"]" },
        { "second HELLO", "[1, \"realm1\", {\"roles\": {\"caller\": {}}}]" },
        { "router-only message", "[2, 1, {}]" },
        { "request id gap", "[32, 7, {}, \"com.example.t\"]" },
        { "deep nesting", "[16, 1, {}, \"com.example.t\", " + new string('[', 200) + new string(']', 200) + "]" },
    };

    [Theory]
    [MemberData(nameof(BadFrames))]
    public async Task BadFrameAbortsOnlyThatSession(string name, string frame)
    {
        await using var bystander = await TestPeer.JoinAsync(_host.WebSocketUrl);
        await bystander.SubscribeAsync("com.example.alive");
        await using var attacker = await TestPeer.JoinAsync(_host.WebSocketUrl);
        await attacker.SubscribeAsync("com.example.attacker");

        await attacker.SendRawAsync(Encoding.UTF8.GetBytes(frame));

        var received = await attacker.ReceiveUntilClosedAsync();
        var abort = Assert.IsType<AbortMessage>(Assert.Single(received));
        Assert.True(abort.Reason == WampErrors.ProtocolViolation, $"{name}: {abort.Reason}");
        await AssertStillRoutes(bystander);
    }

    [Fact]
    public async Task InvalidUtf8AbortsWithProtocolViolation()
    {
        await using var attacker = await TestPeer.JoinAsync(_host.WebSocketUrl, codec: WampCodecs.MessagePack);
        // [16, 1, {}, <str with invalid UTF-8>]
        await attacker.SendRawAsync([0x94, 0x10, 0x01, 0x80, 0xA2, 0xC3, 0x28]);

        var abort = Assert.IsType<AbortMessage>(Assert.Single(await attacker.ReceiveUntilClosedAsync()));
        Assert.Equal(WampErrors.ProtocolViolation, abort.Reason);
    }

    [Fact]
    public async Task MessageBeforeHelloAborts()
    {
        await using var peer = await TestPeer.ConnectAsync(_host.WebSocketUrl);
        await peer.SendAsync(new PublishMessage(1, new Dictionary<string, object?>(), "com.example.t"));

        var abort = Assert.IsType<AbortMessage>(Assert.Single(await peer.ReceiveUntilClosedAsync()));
        Assert.Equal(WampErrors.ProtocolViolation, abort.Reason);
    }

    [Fact]
    public async Task OversizedMessageAbortsWithPayloadSizeExceededAndJustUnderTheLimitPasses()
    {
        await using var subscriber = await TestPeer.JoinAsync(_host.WebSocketUrl);
        await subscriber.SubscribeAsync("com.example.big");
        await using var publisher = await TestPeer.JoinAsync(_host.WebSocketUrl);

        var overhead = Encoding.UTF8.GetByteCount("[16,1,{},\"com.example.big\",[\"\"]]");
        var fits = new string('x', MaxMessageSize - overhead);
        await publisher.SendAsync(new PublishMessage(publisher.NextRequest(), new Dictionary<string, object?>(), "com.example.big", [fits]));
        Assert.Equal(fits, (await subscriber.ReceiveAsync<EventMessage>()).Arguments![0]);

        await publisher.SendAsync(new PublishMessage(publisher.NextRequest(), new Dictionary<string, object?>(), "com.example.big", [fits + "x"]));
        var abort = Assert.IsType<AbortMessage>(Assert.Single(await publisher.ReceiveUntilClosedAsync()));
        Assert.Equal(WampErrors.PayloadSizeExceeded, abort.Reason);
        await AssertStillRoutes(subscriber, "com.example.big");
    }

    [Fact]
    public async Task ManySessionsSendingGarbageNeverTakeTheRouterDown()
    {
        await using var bystander = await TestPeer.JoinAsync(_host.WebSocketUrl);
        await bystander.SubscribeAsync("com.example.alive");
        var random = new Random(1234);
        var attacks = Enumerable.Range(0, 20).Select(async i =>
        {
            var codec = WampCodecs.All[i % 3];
            await using var attacker = await TestPeer.JoinAsync(_host.WebSocketUrl, codec: codec);
            var garbage = new byte[random.Next(1, 300)];
            lock (random)
            {
                random.NextBytes(garbage);
            }

            // Binary frames even for JSON: a text frame of invalid UTF-8 is failed by the WebSocket
            // layer itself (close 1007) before WAMP sees it, which is a different test.
            await attacker.SendRawAsync(garbage, WebSocketMessageType.Binary);
            var received = await attacker.ReceiveUntilClosedAsync();
            Assert.IsType<AbortMessage>(Assert.Single(received));
        });
        await Task.WhenAll(attacks);

        await AssertStillRoutes(bystander);
    }

    [Fact]
    public async Task DroppedConnectionReleasesSubscriptionsAndRegistrations()
    {
        await using var observer = await TestPeer.JoinAsync(_host.WebSocketUrl);
        var dropped = await TestPeer.JoinAsync(_host.WebSocketUrl);
        var subscription = await dropped.SubscribeAsync("com.example.dropped");
        await dropped.RegisterAsync("com.example.dropped.proc");
        dropped.Drop();
        await dropped.DisposeAsync();

        await Eventually(async () =>
        {
            await observer.SendAsync(new CallMessage(observer.NextRequest(), new Dictionary<string, object?>(), "wamp.subscription.get", [subscription]));
            return await observer.ReceiveAnyAsync() is ErrorMessage { Error: WampErrors.NoSuchSubscription };
        });
        await observer.SendAsync(new CallMessage(observer.NextRequest(), new Dictionary<string, object?>(), "com.example.dropped.proc"));
        Assert.Equal(WampErrors.NoSuchProcedure, (await observer.ReceiveAsync<ErrorMessage>()).Error);
    }

    [Fact]
    public async Task CalleeDroppingMidCallFailsTheCallAtOnce()
    {
        await using var caller = await TestPeer.JoinAsync(_host.WebSocketUrl);
        var callee = await TestPeer.JoinAsync(_host.WebSocketUrl);
        await callee.RegisterAsync("com.example.doomed");
        await caller.SendAsync(new CallMessage(caller.NextRequest(), new Dictionary<string, object?>(), "com.example.doomed"));
        await callee.ReceiveAsync<InvocationMessage>();

        callee.Drop();
        await callee.DisposeAsync();
        Assert.Equal(WampErrors.Canceled, (await caller.ReceiveAsync<ErrorMessage>()).Error);
    }

    private static async Task AssertStillRoutes(TestPeer subscriber, string topic = "com.example.alive")
    {
        await using var publisher = await TestPeer.JoinAsync(subscriber.State == WebSocketState.Open ? HostOf(subscriber) : throw new InvalidOperationException("The bystander lost its connection."));
        await publisher.SendAsync(new PublishMessage(publisher.NextRequest(), new Dictionary<string, object?>(), topic, ["still here"]));
        var evt = await subscriber.ReceiveAsync<EventMessage>();
        Assert.Equal("still here", evt.Arguments![0]);
    }

    private static Uri HostOf(TestPeer peer) => peer.Url;

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail("The condition never became true.");
    }
}
