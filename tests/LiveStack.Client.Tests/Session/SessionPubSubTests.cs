namespace LiveStack.Client.Tests.Session;

public class SessionPubSubTests(SessionRouterFixture router) : IClassFixture<SessionRouterFixture>
{
    [Fact]
    public async Task ExactSubscriptionReceivesArgumentsAndKeywords()
    {
        await using var subscriber = await router.ConnectAsync();
        await using var publisher = await router.ConnectAsync();
        var topic = Wait.Uri("exact");
        var sink = new EventSink();
        await using var subscription = await subscriber.SubscribeAsync(topic, sink.Handler).WaitAsync(Wait.Timeout);

        await publisher.PublishAsync(topic, ["hello", 7L], new Dictionary<string, object?> { ["k"] = "v" }).WaitAsync(Wait.Timeout);

        var e = await sink.NextAsync();
        Assert.Equal(topic, e.Topic);
        Assert.Equal(topic, subscription.Topic);
        Assert.Equal(subscription.Id, e.SubscriptionId);
        Assert.Equal("hello", e.Argument<string>(0));
        Assert.Equal(7, e.Argument<int>(1));
        Assert.Equal("v", e.Keyword<string>("k"));
    }

    [Fact]
    public async Task PrefixSubscriptionSeesTheConcreteTopic()
    {
        await using var subscriber = await router.ConnectAsync();
        await using var publisher = await router.ConnectAsync();
        var prefix = Wait.Uri("prefix");
        var sink = new EventSink();
        await using var subscription = await subscriber.SubscribeAsync(prefix, sink.Handler, new SubscribeOptions { Match = MatchPolicy.Prefix }).WaitAsync(Wait.Timeout);

        await publisher.PublishAsync($"{prefix}.a.b", "x").WaitAsync(Wait.Timeout);

        var e = await sink.NextAsync();
        Assert.Equal($"{prefix}.a.b", e.Topic);
        Assert.Equal(prefix, subscription.Topic);
    }

    [Fact]
    public async Task WildcardSubscriptionSeesTheConcreteTopic()
    {
        await using var subscriber = await router.ConnectAsync();
        await using var publisher = await router.ConnectAsync();
        var root = Wait.Uri("wildcard");
        var sink = new EventSink();
        await using var subscription = await subscriber.SubscribeAsync($"{root}..status", sink.Handler, new SubscribeOptions { Match = MatchPolicy.Wildcard }).WaitAsync(Wait.Timeout);

        await publisher.PublishAsync($"{root}.other.ignored", "no").WaitAsync(Wait.Timeout);
        await publisher.PublishAsync($"{root}.device7.status", "yes").WaitAsync(Wait.Timeout);

        var e = await sink.NextAsync();
        Assert.Equal($"{root}.device7.status", e.Topic);
        Assert.Equal("yes", e.Argument<string>(0));
    }

    [Fact]
    public async Task TwoHandlersShareOneRouterSubscriptionAndUnsubscribingOneKeepsTheOther()
    {
        await using var subscriber = await router.ConnectAsync();
        await using var publisher = await router.ConnectAsync();
        var topic = Wait.Uri("shared");
        var first = new EventSink();
        var second = new EventSink();
        var firstSubscription = await subscriber.SubscribeAsync(topic, first.Handler).WaitAsync(Wait.Timeout);
        var secondSubscription = await subscriber.SubscribeAsync(topic, second.Handler).WaitAsync(Wait.Timeout);
        Assert.Equal(firstSubscription.Id, secondSubscription.Id);
        Assert.Equal(1L, await CountSubscribersAsync(publisher, firstSubscription.Id));

        await publisher.PublishAsync(topic, 1).WaitAsync(Wait.Timeout);
        Assert.Equal(1, (await first.NextAsync()).Argument<int>(0));
        Assert.Equal(1, (await second.NextAsync()).Argument<int>(0));

        await firstSubscription.UnsubscribeAsync().WaitAsync(Wait.Timeout);
        Assert.Equal(secondSubscription.Id, await publisher.CallAsync<long?>("wamp.subscription.lookup", topic).WaitAsync(Wait.Timeout));
        await publisher.PublishAsync(topic, 2).WaitAsync(Wait.Timeout);

        Assert.Equal(2, (await second.NextAsync()).Argument<int>(0));
        // Handlers run in subscription order on one loop: had the first still been there, it would have run before the second.
        Assert.False(first.HasPending);

        await secondSubscription.UnsubscribeAsync().WaitAsync(Wait.Timeout);
        Assert.Null(await publisher.CallAsync<long?>("wamp.subscription.lookup", topic).WaitAsync(Wait.Timeout));
    }

    [Fact]
    public async Task EventsArriveInPublicationOrder()
    {
        await using var subscriber = await router.ConnectAsync();
        await using var publisher = await router.ConnectAsync(serializer: "msgpack");
        var topic = Wait.Uri("ordered");
        var received = new List<int>();
        var all = Wait.Source<bool>();
        const int count = 200;
        await using var subscription = await subscriber.SubscribeAsync(topic, (e, _) =>
        {
            received.Add(e.Argument<int>(0));
            if (received.Count == count)
            {
                all.TrySetResult(true);
            }

            return ValueTask.CompletedTask;
        }).WaitAsync(Wait.Timeout);

        for (var i = 0; i < count; i++)
        {
            await publisher.PublishAsync(topic, i).WaitAsync(Wait.Timeout);
        }

        await all.Task.WaitAsync(Wait.Timeout);
        Assert.Equal(Enumerable.Range(0, count), received);
    }

    [Fact]
    public async Task AcknowledgedPublishReturnsThePublicationId()
    {
        await using var subscriber = await router.ConnectAsync();
        await using var publisher = await router.ConnectAsync();
        var topic = Wait.Uri("acked");
        var sink = new EventSink();
        await using var subscription = await subscriber.SubscribeAsync(topic, sink.Handler).WaitAsync(Wait.Timeout);

        var unacknowledged = await publisher.PublishAsync(topic, ["first"]).WaitAsync(Wait.Timeout);
        var publication = await publisher.PublishAsync(topic, ["second"], options: new PublishOptions { Acknowledge = true }).WaitAsync(Wait.Timeout);

        Assert.Null(unacknowledged);
        Assert.NotNull(publication);
        Assert.Equal("first", (await sink.NextAsync()).Argument<string>(0));
        Assert.Equal(publication, (await sink.NextAsync()).PublicationId);
    }

    [Fact]
    public async Task AcknowledgedPublishToAReservedTopicFails()
    {
        await using var publisher = await router.ConnectAsync();

        var error = await Assert.ThrowsAsync<WampException>(() =>
            publisher.PublishAsync("wamp.session.on_join", options: new PublishOptions { Acknowledge = true }).WaitAsync(Wait.Timeout));

        Assert.Equal(LiveStack.Wamp.WampErrors.InvalidUri, error.Uri);
        Assert.True(publisher.IsOpen);
    }

    [Fact]
    public async Task ExcludeAndEligibleSelectSubscribersBySessionId()
    {
        await using var publisher = await router.ConnectAsync();
        await using var a = await router.ConnectAsync();
        await using var b = await router.ConnectAsync();
        var topic = Wait.Uri("lists");
        var sinkA = new EventSink();
        var sinkB = new EventSink();
        await using var subscriptionA = await a.SubscribeAsync(topic, sinkA.Handler).WaitAsync(Wait.Timeout);
        await using var subscriptionB = await b.SubscribeAsync(topic, sinkB.Handler).WaitAsync(Wait.Timeout);

        await publisher.PublishAsync(topic, ["not for a"], options: new PublishOptions { Exclude = [a.Id] }).WaitAsync(Wait.Timeout);
        await publisher.PublishAsync(topic, ["only for a"], options: new PublishOptions { Eligible = [a.Id] }).WaitAsync(Wait.Timeout);
        await publisher.PublishAsync(topic, ["everyone"]).WaitAsync(Wait.Timeout);

        // Events from one publisher reach a subscriber in order, so the next event shows what was skipped.
        Assert.Equal("only for a", (await sinkA.NextAsync()).Argument<string>(0));
        Assert.Equal("everyone", (await sinkA.NextAsync()).Argument<string>(0));
        Assert.Equal("not for a", (await sinkB.NextAsync()).Argument<string>(0));
        Assert.Equal("everyone", (await sinkB.NextAsync()).Argument<string>(0));
    }

    [Fact]
    public async Task PublisherIsExcludedByDefaultAndIncludedWithIncludeMe()
    {
        await using var session = await router.ConnectAsync();
        var topic = Wait.Uri("self");
        var sink = new EventSink();
        await using var subscription = await session.SubscribeAsync(topic, sink.Handler).WaitAsync(Wait.Timeout);

        await session.PublishAsync(topic, ["excluded"]).WaitAsync(Wait.Timeout);
        await session.PublishAsync(topic, ["included"], options: new PublishOptions { IncludeMe = true, DiscloseMe = true }).WaitAsync(Wait.Timeout);

        var e = await sink.NextAsync();
        Assert.Equal("included", e.Argument<string>(0));
        Assert.Equal(session.Id, e.Publisher);
    }

    [Fact]
    public async Task PublishWithClrValuesBindsToTypes()
    {
        await using var subscriber = await router.ConnectAsync(serializer: "cbor");
        await using var publisher = await router.ConnectAsync();
        var topic = Wait.Uri("typed");
        var sink = new EventSink();
        await using var subscription = await subscriber.SubscribeAsync(topic, sink.Handler).WaitAsync(Wait.Timeout);

        await publisher.PublishAsync(topic, new Reading("t1", 21.5)).WaitAsync(Wait.Timeout);

        Assert.Equal(new Reading("t1", 21.5), (await sink.NextAsync()).As<Reading>());
    }

    private static async Task<long?> CountSubscribersAsync(WampSession session, long subscriptionId) =>
        await session.CallAsync<long?>("wamp.subscription.count_subscribers", subscriptionId).WaitAsync(Wait.Timeout);

    private sealed record Reading(string Sensor, double Value);
}
