using LiveStack.Wamp;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Router.Tests;

public class BrokerTests
{
    private static Dictionary<string, object?> Options(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);

    [Fact]
    public void PublisherIsExcludedByDefaultAndIncludedOnRequest()
    {
        using var router = TestRouter.Create();
        var peer = LinkedPeer.Join(router);
        var subscription = peer.Subscribe("com.example.topic");

        peer.Publish("com.example.topic", ["default"]);
        peer.AssertNothing();

        peer.Publish("com.example.topic", ["included"], Options(("exclude_me", false)));
        var evt = peer.Receive<EventMessage>();
        Assert.Equal(subscription, evt.Subscription);
        Assert.Equal(["included"], evt.Arguments!);
    }

    [Fact]
    public void RepeatSubscribeReturnsTheSameIdAndNoDuplicateEvents()
    {
        using var router = TestRouter.Create();
        var subscriber = LinkedPeer.Join(router);
        var publisher = LinkedPeer.Join(router);
        var first = subscriber.Subscribe("com.example.topic");
        var second = subscriber.Subscribe("com.example.topic");
        Assert.Equal(first, second);

        publisher.Publish("com.example.topic");
        subscriber.Receive<EventMessage>();
        subscriber.AssertNothing();
    }

    [Fact]
    public void SessionsWithTheSameTopicShareOneSubscriptionAndOneSerializedEvent()
    {
        using var router = TestRouter.Create();
        var subscribers = Enumerable.Range(0, 3).Select(_ => LinkedPeer.Join(router)).ToList();
        var ids = subscribers.Select(s => s.Subscribe("com.example.topic")).Distinct().ToList();
        Assert.Single(ids);

        LinkedPeer.Join(router).Publish("com.example.topic", ["shared"]);

        var outgoing = subscribers.Select(s => s.TryReceiveOutgoing()!).ToList();
        Assert.All(outgoing, o => Assert.Same(outgoing[0], o));
        using var scratch = new PooledBufferWriter();
        var firstBytes = outgoing[0].Encode(WampCodecs.Json, scratch);
        scratch.Clear();
        var secondBytes = outgoing[1].Encode(WampCodecs.Json, scratch);
        Assert.True(firstBytes.Span.SequenceEqual(secondBytes.Span));
        // The cached copy is returned, not a fresh encoding into the scratch buffer.
        Assert.Equal(0, scratch.WrittenMemory.Length);
    }

    [Fact]
    public void UnsubscribeEndsDeliveryAndOthersKeepTheirSubscription()
    {
        using var router = TestRouter.Create();
        var first = LinkedPeer.Join(router);
        var second = LinkedPeer.Join(router);
        var publisher = LinkedPeer.Join(router);
        var id = first.Subscribe("com.example.topic");
        second.Subscribe("com.example.topic");

        first.Send(new UnsubscribeMessage(first.NextRequest(), id));
        first.Receive<UnsubscribedMessage>();
        publisher.Publish("com.example.topic");

        first.AssertNothing();
        second.Receive<EventMessage>();
    }

    [Fact]
    public void UnsubscribingAnotherSessionsSubscriptionFails()
    {
        using var router = TestRouter.Create();
        var owner = LinkedPeer.Join(router);
        var intruder = LinkedPeer.Join(router);
        var id = owner.Subscribe("com.example.topic");

        intruder.Send(new UnsubscribeMessage(intruder.NextRequest(), id));
        Assert.Equal(WampErrors.NoSuchSubscription, intruder.Receive<ErrorMessage>().Error);

        LinkedPeer.Join(router).Publish("com.example.topic");
        owner.Receive<EventMessage>();
    }

    [Fact]
    public void BlackAndWhiteListsCombine()
    {
        using var router = TestRouter.Create();
        var a = LinkedPeer.Join(router, details: LinkedPeer.Hello("alice"));
        var b = LinkedPeer.Join(router, details: LinkedPeer.Hello("bob"));
        var c = LinkedPeer.Join(router, details: LinkedPeer.Hello("carol"));
        var publisher = LinkedPeer.Join(router);
        foreach (var peer in new[] { a, b, c })
        {
            peer.Subscribe("com.example.topic");
        }

        publisher.Publish("com.example.topic", options: Options(("eligible", new List<object?> { a.Id, b.Id }), ("exclude", new List<object?> { b.Id })));
        a.Receive<EventMessage>();
        b.AssertNothing();
        c.AssertNothing();

        publisher.Publish("com.example.topic", options: Options(("exclude_authid", new List<object?> { "alice" })));
        a.AssertNothing();
        b.Receive<EventMessage>();
        c.Receive<EventMessage>();

        publisher.Publish("com.example.topic", options: Options(("eligible", new List<object?>())));
        Assert.All(new[] { a, b, c }, p => p.AssertNothing());
    }

    [Fact]
    public void PatternSubscriptionsCarryTheConcreteTopic()
    {
        using var router = TestRouter.Create();
        var subscriber = LinkedPeer.Join(router);
        var exact = subscriber.Subscribe("com.example.a.b");
        var prefix = subscriber.Subscribe("com.example", Options(("match", "prefix")));
        var wildcard = subscriber.Subscribe("com..a.", Options(("match", "wildcard")));
        var publisher = LinkedPeer.Join(router);

        publisher.Publish("com.example.a.b");
        var events = subscriber.Drain().Cast<EventMessage>().ToList();
        Assert.Equal(new[] { exact, prefix, wildcard }.Order(), events.Select(e => e.Subscription).Order());
        Assert.Single(events.Select(e => e.Publication).Distinct());
        Assert.False(events.Single(e => e.Subscription == exact).Details.ContainsKey("topic"));
        Assert.All(events.Where(e => e.Subscription != exact), e => Assert.Equal("com.example.a.b", e.Details["topic"]));

        // A plain string prefix, and a wildcard needs equal component counts.
        publisher.Publish("com.examples");
        publisher.Publish("com.x.a.b.c");
        Assert.Equal([prefix], subscriber.Drain().Cast<EventMessage>().Select(e => e.Subscription));
    }

    [Fact]
    public void AcknowledgeGetsPublishedAndInvalidTopicsGetErrorsOnlyWhenAcknowledged()
    {
        using var router = TestRouter.Create();
        var publisher = LinkedPeer.Join(router);

        publisher.Publish("com.example.topic", options: Options(("acknowledge", true)));
        Assert.True(WampIds.IsValid(publisher.Receive<PublishedMessage>().Publication));

        publisher.Publish("wamp.session.on_join", options: Options(("acknowledge", true)));
        Assert.Equal(WampErrors.InvalidUri, publisher.Receive<ErrorMessage>().Error);

        publisher.Publish("bad..topic");
        publisher.AssertNothing();
    }

    [Fact]
    public void DisclosedPublisherAppearsInEventDetails()
    {
        using var router = TestRouter.Create();
        var subscriber = LinkedPeer.Join(router);
        var publisher = LinkedPeer.Join(router, details: LinkedPeer.Hello("pub"));
        subscriber.Subscribe("com.example.topic");

        publisher.Publish("com.example.topic", options: Options(("disclose_me", true)));
        var details = subscriber.Receive<EventMessage>().Details;
        Assert.Equal(publisher.Id, details["publisher"]);
        Assert.Equal("pub", details["publisher_authid"]);
    }

    [Fact]
    public void RetainedEventIsSentOnSubscribeWithGetRetained()
    {
        using var router = TestRouter.Create();
        var publisher = LinkedPeer.Join(router);
        publisher.Publish("com.example.state", ["old"], Options(("retain", true)));
        publisher.Publish("com.example.state", ["new"], Options(("retain", true)));

        var late = LinkedPeer.Join(router);
        late.Send(new SubscribeMessage(late.NextRequest(), Options(("get_retained", true)), "com.example.state"));
        late.Receive<SubscribedMessage>();
        var evt = late.Receive<EventMessage>();
        Assert.Equal(["new"], evt.Arguments!);
        Assert.Equal(true, evt.Details["retained"]);
        late.AssertNothing();

        var plain = LinkedPeer.Join(router);
        plain.Subscribe("com.example.state");
        plain.AssertNothing();
    }

    [Fact]
    public void RetainedEventRespectsTheWhiteList()
    {
        using var router = TestRouter.Create();
        var publisher = LinkedPeer.Join(router);
        publisher.Publish("com.example.state", ["secret"], Options(("retain", true), ("eligible_authid", new List<object?> { "alice" })));

        var bob = LinkedPeer.Join(router, details: LinkedPeer.Hello("bob"));
        bob.Send(new SubscribeMessage(bob.NextRequest(), Options(("get_retained", true)), "com.example.state"));
        bob.Receive<SubscribedMessage>();
        bob.AssertNothing();
    }

    [Fact]
    public void EventsKeepPublishOrderAcrossTopics()
    {
        using var router = TestRouter.Create();
        var subscriber = LinkedPeer.Join(router);
        var publisher = LinkedPeer.Join(router);
        subscriber.Subscribe("com.example.a");
        subscriber.Subscribe("com.example.b");
        for (var i = 0; i < 50; i++)
        {
            publisher.Publish(i % 2 == 0 ? "com.example.a" : "com.example.b", [(long)i]);
        }

        var received = subscriber.Drain().Cast<EventMessage>().Select(e => (long)e.Arguments![0]!).ToList();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), received);
    }

    [Fact]
    public void UnknownMatchPolicyAndInvalidPatternAreRefused()
    {
        using var router = TestRouter.Create();
        var peer = LinkedPeer.Join(router);
        peer.Send(new SubscribeMessage(peer.NextRequest(), Options(("match", "regex")), "a.b"));
        Assert.Equal(WampErrors.InvalidArgument, peer.Receive<ErrorMessage>().Error);
        peer.Send(new SubscribeMessage(peer.NextRequest(), new Dictionary<string, object?>(), "a..b"));
        Assert.Equal(WampErrors.InvalidUri, peer.Receive<ErrorMessage>().Error);
    }
}
