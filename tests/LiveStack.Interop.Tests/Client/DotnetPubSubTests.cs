using System.Threading.Channels;
using LiveStack.Client;

namespace LiveStack.Interop.Tests.Client;

/// <summary>
/// Events both ways: a .NET <see cref="WampSession"/> publishes to an autobahn-js subscriber
/// (dotnet-client/subscribe.js), and autobahn-js publishes to a <see cref="LiveApp"/> subscription
/// whose handler binds <c>(string text, int n)</c> from args and kwargs (dotnet-client/publish.js).
/// </summary>
public sealed class DotnetPubSubTests(ClientRouterFixture router, ITestOutputHelper output) : IClassFixture<ClientRouterFixture>
{
    private static readonly string[] Tags = ["a", "b"];

    [Theory]
    [InlineData("json", "json")]
    [InlineData("msgpack", "msgpack")]
    [InlineData("cbor", "cbor")]
    [InlineData("msgpack", "json")]
    [InlineData("cbor", "msgpack")]
    public async Task AutobahnReceivesWampSessionPublications(string dotnetSerializer, string autobahnSerializer)
    {
        var uri = ClientRouterFixture.NewBase("session_publisher");
        var topic = $"{uri}.news";
        using var subscriber = router.StartScript("subscribe.js", autobahnSerializer, uri);
        await subscriber.WaitForLineAsync("ok - subscribed to");
        await using var session = await router.ConnectAsync(dotnetSerializer);

        var kwargs = WampConvert.ToWampDictionary(new { source = "dotnet", tags = Tags, nested = new { ok = true, ratio = 1.5 } });
        var publication = await session.PublishAsync(topic, ["hello", 42L], kwargs, new PublishOptions { Acknowledge = true });
        Assert.NotNull(publication);
        await session.PublishAsync(topic, "clr", 7);
        await session.PublishAsync(topic, new Note("typed", 3));
        await session.PublishAsync(topic, "end");

        await subscriber.AssertPassesAsync(output);
        await session.LeaveAsync();
    }

    [Theory]
    [InlineData("json", "json")]
    [InlineData("msgpack", "msgpack")]
    [InlineData("cbor", "cbor")]
    [InlineData("json", "msgpack")]
    public async Task LiveAppSubscriberReceivesAutobahnPublications(string dotnetSerializer, string autobahnSerializer)
    {
        var uri = ClientRouterFixture.NewBase("app_subscriber");
        var received = Channel.CreateUnbounded<(string Text, int N)>();
        await using var app = router.CreateApp(dotnetSerializer);
        app.Subscribe($"{uri}.chat", (string text, int n) =>
        {
            received.Writer.TryWrite((text, n));
        });
        await app.StartAsync();
        using (var ready = new CancellationTokenSource(ClientRouterFixture.Patience))
        {
            await app.Client.WhenReadyAsync(ready.Token);
        }

        using var publisher = router.StartScript("publish.js", autobahnSerializer, uri);
        await publisher.AssertPassesAsync(output);

        var events = new List<(string, int)>();
        using (var patience = new CancellationTokenSource(ClientRouterFixture.Patience))
        {
            while (events.Count < 4)
            {
                events.Add(await received.Reader.ReadAsync(patience.Token));
            }
        }

        Assert.Equal([("hi", 1), ("by name", 2), ("mixed", 3), ("grüße ✓ 🚀", 4)], events);
        await app.StopAsync();
    }

    private sealed record Note(string Text, int Count);
}
