using LiveStack.Router.Sessions;
using LiveStack.Wamp.Messages;

namespace LiveStack.Router.Tests;

public class SlowConsumerTests
{
    [Fact]
    public void AStalledSubscriberLosesEventsButNeverSlowsOrBlocksTheOthers()
    {
        using var router = TestRouter.Create(o => o.OutboundQueueCapacity = 8);
        var stalled = LinkedPeer.Join(router);
        var healthy = LinkedPeer.Join(router);
        var publisher = LinkedPeer.Join(router);
        stalled.Subscribe("com.example.feed");
        healthy.Subscribe("com.example.feed");

        var received = 0;
        for (var i = 0; i < 100; i++)
        {
            publisher.Publish("com.example.feed", [(long)i]);
            received += healthy.Drain().Count;
        }

        Assert.Equal(100, received);
        Assert.Equal(92, stalled.Session.DroppedEvents);
        Assert.Equal(8, stalled.Drain().Count);
        Assert.Equal(SessionState.Established, stalled.Session.State);
    }

    [Fact]
    public void DisconnectPolicyCutsTheStalledSubscriberOff()
    {
        using var router = TestRouter.Create(o =>
        {
            o.OutboundQueueCapacity = 8;
            o.SlowConsumerPolicy = SlowConsumerPolicy.Disconnect;
        });
        var stalled = LinkedPeer.Join(router);
        var publisher = LinkedPeer.Join(router);
        stalled.Subscribe("com.example.feed");

        for (var i = 0; i < 20; i++)
        {
            publisher.Publish("com.example.feed");
        }

        Assert.Equal(SessionState.Closed, stalled.Session.State);
        Assert.True(stalled.Session.Aborted.IsCancellationRequested);
    }

    [Fact]
    public void AReplyThatDoesNotFitEndsTheSessionInsteadOfBeingLost()
    {
        using var router = TestRouter.Create(o => o.OutboundQueueCapacity = 4);
        var peer = LinkedPeer.Join(router);
        for (var i = 0; i < 5; i++)
        {
            peer.Send(new SubscribeMessage(peer.NextRequest(), new Dictionary<string, object?>(), $"com.example.t{i}"));
        }

        Assert.Equal(SessionState.Closed, peer.Session.State);
        Assert.True(peer.Session.Aborted.IsCancellationRequested);
    }

    [Fact]
    public async Task ALeavingSlowConsumerReleasesItsSubscriptions()
    {
        using var router = TestRouter.Create(o =>
        {
            o.OutboundQueueCapacity = 2;
            o.SlowConsumerPolicy = SlowConsumerPolicy.Disconnect;
        });
        var stalled = LinkedPeer.Join(router);
        var observer = LinkedPeer.Join(router);
        var id = stalled.Subscribe("com.example.feed");
        for (var i = 0; i < 5; i++)
        {
            observer.Publish("com.example.feed");
        }

        // The leave runs on the thread pool, off the fan-out that found the queue full.
        WampMessage? reply = null;
        for (var attempt = 0; attempt < 200 && reply is not ErrorMessage; attempt++)
        {
            await Task.Delay(10);
            observer.Send(new CallMessage(observer.NextRequest(), new Dictionary<string, object?>(), "wamp.subscription.get", [id]));
            reply = observer.TryReceive();
        }

        Assert.Equal(Wamp.WampErrors.NoSuchSubscription, Assert.IsType<ErrorMessage>(reply).Error);
        Assert.Equal(1, router.SessionCount);
    }
}
