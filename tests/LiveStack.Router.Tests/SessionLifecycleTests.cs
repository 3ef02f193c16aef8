using LiveStack.Router.Sessions;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;
using Microsoft.Extensions.Time.Testing;

namespace LiveStack.Router.Tests;

public class SessionLifecycleTests
{
    [Fact]
    public void HelloGetsWelcomeAnnouncingBothRolesWithFeatures()
    {
        using var router = TestRouter.Create();
        var peer = LinkedPeer.Connect(router);
        peer.Send(new HelloMessage("realm1", LinkedPeer.Hello()));

        var welcome = peer.Receive<WelcomeMessage>();
        Assert.True(WampIds.IsValid(welcome.Session));
        var roles = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(welcome.Details["roles"]);
        foreach (var role in new[] { "broker", "dealer" })
        {
            var features = (IReadOnlyDictionary<string, object?>)((IReadOnlyDictionary<string, object?>)roles[role]!)["features"]!;
            Assert.Equal(true, features["session_meta_api"]);
        }

        Assert.Equal("anonymous", welcome.Details["authrole"]);
        Assert.Equal(SessionState.Established, peer.Session.State);
    }

    [Fact]
    public void MessageBeforeHelloAborts()
    {
        using var router = TestRouter.Create();
        var peer = LinkedPeer.Connect(router);
        peer.Send(new SubscribeMessage(1, new Dictionary<string, object?>(), "a.b"));

        AssertAborted(peer, WampErrors.ProtocolViolation);
    }

    [Fact]
    public void SecondHelloAborts()
    {
        using var router = TestRouter.Create();
        var peer = LinkedPeer.Join(router);
        peer.Send(new HelloMessage("realm1", LinkedPeer.Hello()));

        AssertAborted(peer, WampErrors.ProtocolViolation);
    }

    [Fact]
    public void RouterToClientMessageFromClientAborts()
    {
        using var router = TestRouter.Create();
        var peer = LinkedPeer.Join(router);
        peer.Send(new WelcomeMessage(5, new Dictionary<string, object?>()));

        AssertAborted(peer, WampErrors.ProtocolViolation);
    }

    [Fact]
    public void UnknownRealmAborts()
    {
        using var router = TestRouter.Create();
        var peer = LinkedPeer.Connect(router);
        peer.Send(new HelloMessage("no.such.realm", LinkedPeer.Hello()));

        AssertAborted(peer, WampErrors.NoSuchRealm);
    }

    [Fact]
    public void AutoCreatedRealmIsJoinable()
    {
        using var router = TestRouter.Create(o => o.AutoCreateRealms = true);
        LinkedPeer.Join(router, "com.example.fresh");

        Assert.Contains("com.example.fresh", router.RealmNames);
    }

    [Fact]
    public void InvalidRealmUriAborts()
    {
        using var router = TestRouter.Create();
        var peer = LinkedPeer.Connect(router);
        peer.Send(new HelloMessage("bad realm", LinkedPeer.Hello()));

        AssertAborted(peer, WampErrors.InvalidUri);
    }

    [Fact]
    public void HelloWithoutRolesAborts()
    {
        using var router = TestRouter.Create();
        var peer = LinkedPeer.Connect(router);
        peer.Send(new HelloMessage("realm1", new Dictionary<string, object?> { ["roles"] = new Dictionary<string, object?>() }));

        AssertAborted(peer, WampErrors.ProtocolViolation);
    }

    [Theory]
    [InlineData(3)] // a gap
    [InlineData(1)] // a reuse
    public void OutOfSequenceRequestIdAborts(long secondId)
    {
        using var router = TestRouter.Create();
        var peer = LinkedPeer.Join(router);
        peer.Send(new SubscribeMessage(1, new Dictionary<string, object?>(), "a.b"));
        peer.Receive<SubscribedMessage>();
        peer.Send(new SubscribeMessage(secondId, new Dictionary<string, object?>(), "a.c"));

        AssertAborted(peer, WampErrors.ProtocolViolation);
    }

    [Fact]
    public void RequestIdGapIsAllowedWhenSequenceCheckIsOff()
    {
        using var router = TestRouter.Create(o => o.RequireSequentialRequestIds = false);
        var peer = LinkedPeer.Join(router);
        peer.Send(new SubscribeMessage(123, new Dictionary<string, object?>(), "a.b"));
        peer.Send(new SubscribeMessage(789, new Dictionary<string, object?>(), "a.c"));

        Assert.Equal(123, peer.Receive<SubscribedMessage>().Request);
        Assert.Equal(789, peer.Receive<SubscribedMessage>().Request);
    }

    [Fact]
    public void GoodbyeIsAnsweredAndTheOutboxCompletes()
    {
        using var router = TestRouter.Create();
        var peer = LinkedPeer.Join(router);
        peer.Send(new GoodbyeMessage(new Dictionary<string, object?>(), WampErrors.CloseNormal));

        var reply = peer.Receive<GoodbyeMessage>();
        Assert.Equal(WampErrors.GoodbyeAndOut, reply.Reason);
        Assert.True(peer.Session.Outgoing.Completion.IsCompleted);
        Assert.Equal(0, router.SessionCount);
    }

    [Fact]
    public void MissingHelloTimesOut()
    {
        var time = new FakeTimeProvider();
        using var router = TestRouter.Create(o => o.HelloTimeout = TimeSpan.FromSeconds(5), time);
        var peer = LinkedPeer.Connect(router);
        time.Advance(TimeSpan.FromSeconds(6));

        AssertAborted(peer, WampErrors.ProtocolViolation);
    }

    [Fact]
    public void RouterCloseSendsGoodbyeAndIgnoresEverythingButTheReply()
    {
        var time = new FakeTimeProvider();
        using var router = TestRouter.Create(time: time);
        var peer = LinkedPeer.Join(router);
        peer.Session.Close(WampErrors.SystemShutdown);

        Assert.Equal(WampErrors.SystemShutdown, peer.Receive<GoodbyeMessage>().Reason);
        peer.Send(new PublishMessage(1, new Dictionary<string, object?> { ["acknowledge"] = true }, "a.b"));
        peer.AssertNothing();
        Assert.False(peer.Session.Outgoing.Completion.IsCompleted);

        peer.Send(new GoodbyeMessage(new Dictionary<string, object?>(), WampErrors.GoodbyeAndOut));
        Assert.True(peer.Session.Outgoing.Completion.IsCompleted);
    }

    [Fact]
    public void RouterCloseGivesUpWaitingForTheReply()
    {
        var time = new FakeTimeProvider();
        using var router = TestRouter.Create(o => o.GoodbyeTimeout = TimeSpan.FromSeconds(2), time);
        var peer = LinkedPeer.Join(router);
        peer.Session.Close(WampErrors.SystemShutdown);
        peer.Receive<GoodbyeMessage>();
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(peer.Session.Outgoing.Completion.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(peer.Session.Outgoing.Completion.IsCompleted);
    }

    [Fact]
    public async Task ShutdownClosesEverySession()
    {
        using var router = TestRouter.Create();
        var first = LinkedPeer.Join(router);
        var second = LinkedPeer.Join(router);
        var shutdown = router.ShutdownAsync();
        first.Drain();
        second.Drain();
        first.Send(new GoodbyeMessage(new Dictionary<string, object?>(), WampErrors.GoodbyeAndOut));
        second.Send(new GoodbyeMessage(new Dictionary<string, object?>(), WampErrors.GoodbyeAndOut));

        await shutdown.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Throws<InvalidOperationException>(() => LinkedPeer.Connect(router));
    }

    internal static void AssertAborted(LinkedPeer peer, string reason)
    {
        var messages = peer.Drain();
        var abort = Assert.IsType<AbortMessage>(messages[^1]);
        Assert.Equal(reason, abort.Reason);
        Assert.Equal(SessionState.Closed, peer.Session.State);
        Assert.True(peer.Session.Outgoing.Completion.IsCompleted);
    }
}
