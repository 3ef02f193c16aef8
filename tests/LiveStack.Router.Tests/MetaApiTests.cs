using LiveStack.Wamp;
using LiveStack.Wamp.Messages;

namespace LiveStack.Router.Tests;

public class MetaApiTests
{
    [Fact]
    public void JoinAndLeaveArePublishedWithTheSpecArguments()
    {
        using var router = TestRouter.Create();
        var observer = LinkedPeer.Join(router);
        observer.Subscribe("wamp.session.on_join");
        observer.Subscribe("wamp.session.on_leave");

        var visitor = LinkedPeer.Join(router, details: LinkedPeer.Hello("visitor"));
        var join = observer.Receive<EventMessage>();
        var details = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(join.Arguments![0]);
        Assert.Equal(visitor.Id, details["session"]);
        Assert.Equal("visitor", details["authid"]);
        Assert.NotNull(details["transport"]);

        visitor.Send(new GoodbyeMessage(new Dictionary<string, object?>(), WampErrors.CloseNormal));
        var leave = observer.Receive<EventMessage>();
        Assert.Equal([visitor.Id, "visitor", "anonymous"], leave.Arguments!);
        Assert.All(visitor.Drain(), m => Assert.IsNotType<EventMessage>(m));
    }

    [Fact]
    public void SessionProceduresCountListGetAndKill()
    {
        using var router = TestRouter.Create();
        var admin = LinkedPeer.Join(router);
        var other = LinkedPeer.Join(router);

        Assert.Equal(2, admin.CallMeta("wamp.session.count"));
        Assert.Equal(0, admin.CallMeta("wamp.session.count", [new List<object?> { "admin" }]));
        var list = Assert.IsAssignableFrom<IEnumerable<object?>>(admin.CallMeta("wamp.session.list"));
        Assert.Equal(new[] { admin.Id, other.Id }.Order(), list.Cast<long>().Order());
        var details = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(admin.CallMeta("wamp.session.get", [other.Id]));
        Assert.Equal(other.Id, details["session"]);

        admin.Send(new CallMessage(admin.NextRequest(), new Dictionary<string, object?>(), "wamp.session.get", [12345L]));
        Assert.Equal(WampErrors.NoSuchSession, admin.Receive<ErrorMessage>().Error);
        admin.Send(new CallMessage(admin.NextRequest(), new Dictionary<string, object?>(), "wamp.session.kill", [admin.Id]));
        Assert.Equal(WampErrors.NoSuchSession, admin.Receive<ErrorMessage>().Error);

        admin.CallMeta("wamp.session.kill", [other.Id], new Dictionary<string, object?> { ["message"] = "bye" });
        var goodbye = other.Receive<GoodbyeMessage>();
        Assert.Equal(WampErrors.Killed, goodbye.Reason);
        Assert.Equal("bye", goodbye.Details["message"]);
        Assert.Equal(1, admin.CallMeta("wamp.session.count"));
    }

    [Fact]
    public void KillAllSparesTheCallerAndBadReasonsAreRefused()
    {
        using var router = TestRouter.Create();
        var admin = LinkedPeer.Join(router);
        var victims = Enumerable.Range(0, 3).Select(_ => LinkedPeer.Join(router)).ToList();

        admin.Send(new CallMessage(admin.NextRequest(), new Dictionary<string, object?>(), "wamp.session.kill_all", [], new Dictionary<string, object?> { ["reason"] = "not a uri" }));
        Assert.Equal(WampErrors.InvalidUri, admin.Receive<ErrorMessage>().Error);

        Assert.Equal(3L, admin.CallMeta("wamp.session.kill_all"));
        Assert.All(victims, v => Assert.Equal(WampErrors.Killed, v.Receive<GoodbyeMessage>().Reason));
        Assert.Equal(1, admin.CallMeta("wamp.session.count"));
    }

    [Fact]
    public void SubscriptionLifecycleEventsComeInSpecOrder()
    {
        using var router = TestRouter.Create();
        var observer = LinkedPeer.Join(router);
        foreach (var topic in new[] { "on_create", "on_subscribe", "on_unsubscribe", "on_delete" })
        {
            observer.Send(new SubscribeMessage(observer.NextRequest(), new Dictionary<string, object?>(), "wamp.subscription." + topic));
        }

        // The observer's own subscriptions produce meta events too; only the next peer's matter here.
        observer.Drain();

        var peer = LinkedPeer.Join(router);
        var id = peer.Subscribe("com.example.topic");
        peer.Send(new UnsubscribeMessage(peer.NextRequest(), id));

        var events = observer.Drain().Cast<EventMessage>().ToList();
        Assert.Equal(4, events.Count);
        var created = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(events[0].Arguments![1]);
        Assert.Equal("com.example.topic", created["uri"]);
        Assert.Equal("exact", created["match"]);
        Assert.All(events.Skip(1), e => Assert.Equal([peer.Id, id], e.Arguments!));
    }

    [Fact]
    public void SubscriptionProceduresDescribeTheTables()
    {
        using var router = TestRouter.Create();
        var a = LinkedPeer.Join(router);
        var b = LinkedPeer.Join(router);
        var exact = a.Subscribe("com.example.x");
        b.Subscribe("com.example.x");
        var prefix = a.Subscribe("com.example", new Dictionary<string, object?> { ["match"] = "prefix" });

        var list = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(a.CallMeta("wamp.subscription.list"));
        Assert.Equal([exact], (IEnumerable<object?>)list["exact"]!);
        Assert.Equal(exact, a.CallMeta("wamp.subscription.lookup", ["com.example.x"]));
        Assert.Equal(prefix, a.CallMeta("wamp.subscription.lookup", ["com.example", new Dictionary<string, object?> { ["match"] = "prefix" }]));
        Assert.Null(a.CallMeta("wamp.subscription.lookup", ["com.example.none"]));
        var matches = Assert.IsAssignableFrom<IEnumerable<object?>>(a.CallMeta("wamp.subscription.match", ["com.example.x"]));
        Assert.Equal(new[] { exact, prefix }.Order(), matches.Cast<long>().Order());
        Assert.Equal(2L, a.CallMeta("wamp.subscription.count_subscribers", [exact]));
        Assert.Equal("com.example.x", ((IReadOnlyDictionary<string, object?>)a.CallMeta("wamp.subscription.get", [exact])!)["uri"]);
    }

    [Fact]
    public void RegistrationProceduresDescribeTheTables()
    {
        using var router = TestRouter.Create();
        var callee = LinkedPeer.Join(router);
        var id = callee.Register("com.example.p", new Dictionary<string, object?> { ["invoke"] = "roundrobin" });

        Assert.Equal(id, callee.CallMeta("wamp.registration.lookup", ["com.example.p"]));
        Assert.Equal(id, callee.CallMeta("wamp.registration.match", ["com.example.p"]));
        Assert.Null(callee.CallMeta("wamp.registration.match", ["com.example.q"]));
        Assert.Equal(1L, callee.CallMeta("wamp.registration.count_callees", [id]));
        Assert.Equal([callee.Id], (IEnumerable<object?>)callee.CallMeta("wamp.registration.list_callees", [id])!);
        Assert.Equal("roundrobin", ((IReadOnlyDictionary<string, object?>)callee.CallMeta("wamp.registration.get", [id])!)["invoke"]);
    }

    [Fact]
    public void DroppedSessionLosesItsSubscriptionsAndRegistrations()
    {
        using var router = TestRouter.Create();
        var observer = LinkedPeer.Join(router);
        var leaver = LinkedPeer.Join(router);
        var subscription = leaver.Subscribe("com.example.t");
        var registration = leaver.Register("com.example.p");

        leaver.Session.TransportClosed();

        observer.Send(new CallMessage(observer.NextRequest(), new Dictionary<string, object?>(), "wamp.subscription.get", [subscription]));
        Assert.Equal(WampErrors.NoSuchSubscription, observer.Receive<ErrorMessage>().Error);
        observer.Send(new CallMessage(observer.NextRequest(), new Dictionary<string, object?>(), "wamp.registration.get", [registration]));
        Assert.Equal(WampErrors.NoSuchRegistration, observer.Receive<ErrorMessage>().Error);
        Assert.Equal(1, observer.CallMeta("wamp.session.count"));
    }

    [Fact]
    public void TestamentsArePublishedWhenTheSessionGoesAndCanBeFlushed()
    {
        using var router = TestRouter.Create();
        var observer = LinkedPeer.Join(router);
        observer.Subscribe("com.example.gone");
        var leaver = LinkedPeer.Join(router);
        leaver.CallMeta("wamp.session.add_testament", ["com.example.gone", new List<object?> { "first" }, new Dictionary<string, object?>()]);
        leaver.CallMeta("wamp.session.add_testament", ["com.example.gone", new List<object?> { "second" }, new Dictionary<string, object?>()]);
        var flushed = LinkedPeer.Join(router);
        flushed.CallMeta("wamp.session.add_testament", ["com.example.gone", new List<object?> { "never" }, new Dictionary<string, object?>()]);
        Assert.Equal(1L, flushed.CallMeta("wamp.session.flush_testaments"));

        flushed.Session.TransportClosed();
        leaver.Session.TransportClosed();

        Assert.Equal(["first", "second"], observer.Drain().Cast<EventMessage>().Select(e => (string)e.Arguments![0]!));
    }

    [Fact]
    public void UnknownMetaProcedureFails()
    {
        using var router = TestRouter.Create();
        var peer = LinkedPeer.Join(router);
        peer.Send(new CallMessage(peer.NextRequest(), new Dictionary<string, object?>(), "wamp.subscription.count_suscribers", [1L]));

        Assert.Equal(WampErrors.NoSuchProcedure, peer.Receive<ErrorMessage>().Error);
    }
}
