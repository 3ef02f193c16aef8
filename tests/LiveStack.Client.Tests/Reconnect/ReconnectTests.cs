using LiveStack.Client.Transports;
using LiveStack.Testing;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;

namespace LiveStack.Client.Tests.Reconnect;

public sealed class ReconnectTests
{
    private const string Add = "com.reconnect.add";
    private const string Slow = "com.reconnect.slow";
    private const string News = "com.reconnect.news";

    [Fact]
    public async Task ClientComesBackWhenTheRouterRestartsOnTheSamePort()
    {
        var port = RouterHost.FreePort();
        var router = await FixedPortRouter.StartAsync(port);
        await using var client = Until.NewClient(router.Url);
        var hooks = new HookRecorder(client);
        var inbox = new EventInbox();
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Subscribe(News, inbox.Handler);
        client.Register(Add, (invocation, _) => ValueTask.FromResult(Until.Result(invocation.Argument<int>(0) + invocation.Argument<int>(1))));
        client.Register(Slow, async (_, cancellationToken) =>
        {
            slowStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return WampResult.Empty;
        });

        await client.StartAsync();
        var first = await client.WhenReadyAsync().WaitAsync(Until.Timeout);
        hooks.AssertCycles("joined", "ready");
        await AssertDeclarationsWorkAsync(router.Url, inbox, "first");

        // The router stops while a call is in flight: the call fails at once, with one documented URI.
        var call = client.CallAsync(Slow);
        await slowStarted.Task.WaitAsync(Until.Timeout);
        await router.DisposeAsync().AsTask().WaitAsync(Until.Timeout);
        var lost = await Assert.ThrowsAsync<WampException>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(ClientErrors.ConnectionLost, lost.Uri);
        await hooks.WaitForAsync("disconnected", 1);
        Assert.False(first.IsOpen);
        Assert.Equal(WampErrors.SystemShutdown, hooks.Ends[0].Reason);
        Assert.False(hooks.Ends[0].Requested);

        // A call made while the router is down waits for the next session.
        var waiting = client.CallAsync<int>(Add, 20, 22);

        await using var restarted = await FixedPortRouter.StartAsync(port);
        await hooks.WaitForAsync("ready", 2);
        Assert.Equal(42, await waiting.WaitAsync(Until.Timeout));
        var second = await client.WhenReadyAsync().WaitAsync(Until.Timeout);
        Assert.NotSame(first, second);
        Assert.True(client.IsReady);
        hooks.AssertCycles("joined", "ready", "left", "disconnected", "joined", "ready");
        await AssertDeclarationsWorkAsync(restarted.Url, inbox, "second");
    }

    [Fact]
    public async Task RouterThatIsDownAtStartIsWaitedFor()
    {
        var port = RouterHost.FreePort();
        await using var client = Until.NewClient($"ws://127.0.0.1:{port}/ws");
        var hooks = new HookRecorder(client);
        var inbox = new EventInbox();
        client.Subscribe(News, inbox.Handler);
        client.Register(Add, (invocation, _) => ValueTask.FromResult(Until.Result(invocation.Argument<int>(0) + invocation.Argument<int>(1))));

        await client.StartAsync();
        var ready = client.WhenReadyAsync();
        // The scenario, not an assertion: the router comes up a second after the client.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(ready.IsCompleted);
        Assert.Equal(0, hooks.Count("connected"));

        await using var router = await FixedPortRouter.StartAsync(port);
        var session = await ready.WaitAsync(Until.Timeout);
        Assert.True(session.IsOpen);
        hooks.AssertCycles("joined", "ready");
        await AssertDeclarationsWorkAsync(router.Url, inbox, "late");
    }

    [Fact]
    public async Task RoundRobinReachesTheSecondUrlWhenTheFirstIsDead()
    {
        await using var router = await RouterHost.StartAsync();
        var live = router.WebSocketUrl.ToString();
        await using var client = Until.NewClient(Until.DeadUrl(), live);
        var connectedTo = new List<string>();
        client.OnConnected(address =>
        {
            lock (connectedTo)
            {
                connectedTo.Add(address);
            }

            return Task.CompletedTask;
        });

        await client.StartAsync();
        var session = await client.WhenReadyAsync().WaitAsync(Until.Timeout);

        Assert.True(session.IsOpen);
        lock (connectedTo)
        {
            var address = Assert.Single(connectedTo);
            Assert.Contains($":{router.HttpPort}/ws", address, StringComparison.Ordinal);
        }

        Assert.True(await client.CallAsync<int>("wamp.session.count").WaitAsync(Until.Timeout) >= 1);
    }

    [Fact]
    public async Task GivingUpAfterMaxAttemptsFailsWhenReadyWithClientStopped()
    {
        await using var client = Until.NewClient([Until.DeadUrl()], o =>
        {
            o.Reconnect.InitialDelay = TimeSpan.FromMilliseconds(10);
            o.Reconnect.MaxAttempts = 2;
        });

        await client.StartAsync();
        var waitingCall = client.CallAsync("com.reconnect.never");
        var error = await Assert.ThrowsAsync<WampException>(() => client.WhenReadyAsync().WaitAsync(Until.Timeout));

        Assert.Equal(ClientErrors.ClientStopped, error.Uri);
        var callError = await Assert.ThrowsAsync<WampException>(() => waitingCall.WaitAsync(Until.Timeout));
        Assert.Equal(ClientErrors.ClientStopped, callError.Uri);
        Assert.False(client.IsReady);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task MaxAttemptsCountsFailedAttemptsInARow(int maxAttempts)
    {
        var connector = new FailingConnector();
        await using var client = Until.NewClient([], o =>
        {
            o.Reconnect.InitialDelay = TimeSpan.FromMilliseconds(5);
            o.Reconnect.MaxAttempts = maxAttempts;
        }, [connector]);

        await client.StartAsync();
        var error = await Assert.ThrowsAsync<WampException>(() => client.WhenReadyAsync().WaitAsync(Until.Timeout));

        Assert.Equal(ClientErrors.ClientStopped, error.Uri);
        Assert.Equal(maxAttempts, connector.Attempts);
    }

    [Fact]
    public async Task SessionKilledThroughTheMetaApiComesBack()
    {
        await using var router = await RouterHost.StartAsync();
        var url = router.WebSocketUrl.ToString();
        await using var client = Until.NewClient(url);
        var hooks = new HookRecorder(client);
        var inbox = new EventInbox();
        client.Subscribe(News, inbox.Handler);
        client.Register(Add, (invocation, _) => ValueTask.FromResult(Until.Result(invocation.Argument<int>(0) + invocation.Argument<int>(1))));
        await client.StartAsync();
        var first = await client.WhenReadyAsync().WaitAsync(Until.Timeout);

        await using (var admin = await WampSession.ConnectAsync(url).WaitAsync(Until.Timeout))
        {
            await admin.CallAsync("wamp.session.kill", [first.Id]).WaitAsync(Until.Timeout);
        }

        await hooks.WaitForAsync("ready", 2);
        var second = await client.WhenReadyAsync().WaitAsync(Until.Timeout);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(WampErrors.Killed, hooks.Ends[0].Reason);
        hooks.AssertCycles("joined", "ready", "left", "disconnected", "joined", "ready");
        await AssertDeclarationsWorkAsync(url, inbox, "after kill");
    }

    [Fact]
    public async Task StopAsyncSaysGoodbyeAndDoesNotReconnect()
    {
        await using var router = await RouterHost.StartAsync();
        var baseline = router.Router.SessionCount;
        var client = Until.NewClient(router.WebSocketUrl.ToString());
        var hooks = new HookRecorder(client);
        await client.StartAsync();
        await client.WhenReadyAsync().WaitAsync(Until.Timeout);
        Assert.Equal(baseline + 1, router.Router.SessionCount);

        await client.StopAsync().WaitAsync(Until.Timeout);

        // The router answered our GOODBYE (goodbye_and_out), and the session is gone from it.
        var end = Assert.Single(hooks.Ends);
        Assert.True(end.Requested);
        Assert.Equal(WampErrors.GoodbyeAndOut, end.Reason);
        await Until.TrueAsync(() => router.Router.SessionCount == baseline, "the router to drop the session");
        // StopAsync returns after the connect loop has finished: nothing can reconnect any more.
        var error = await Assert.ThrowsAsync<WampException>(() => client.WhenReadyAsync().WaitAsync(Until.Timeout));
        Assert.Equal(ClientErrors.ClientStopped, error.Uri);
        Assert.False(client.IsReady);
        Assert.Null(client.Session);
        hooks.AssertCycles("joined", "ready", "left", "disconnected");
        Assert.Equal(1, hooks.Count("connected"));
        Assert.Equal(baseline, router.Router.SessionCount);

        await client.DisposeAsync();
        await client.DisposeAsync();
    }

    [Fact]
    public async Task DeclarationMadeWhileDeclarationsAreRestoredIsInPlaceWhenReady()
    {
        await using var router = await RouterHost.StartAsync();
        var url = router.WebSocketUrl.ToString();
        LiveClient? client = null;
        var declaredLate = 0;
        // When the client re-establishes its first declaration, the app declares another one.
        var connector = new InterceptingConnector(WampConnectors.FromUrl(url), message =>
        {
            if (message is SubscribeMessage && Interlocked.Exchange(ref declaredLate, 1) == 0)
            {
                client!.Register(Add, (invocation, _) => ValueTask.FromResult(Until.Result(invocation.Argument<int>(0) + invocation.Argument<int>(1))));
            }

            return ValueTask.CompletedTask;
        });
        client = Until.NewClient([], configure: null, [connector]);
        await using var disposeClient = client;
        var inbox = new EventInbox();
        client.Subscribe(News, inbox.Handler);

        await client.StartAsync();
        await client.WhenReadyAsync().WaitAsync(Until.Timeout);

        Assert.Equal(1, declaredLate);
        await using var other = await WampSession.ConnectAsync(url).WaitAsync(Until.Timeout);
        Assert.Equal(7, await other.CallAsync<int>(Add, 3, 4).WaitAsync(Until.Timeout));
    }

    [Fact]
    public async Task CallMadeAsTheSessionEndsWaitsForTheNextSession()
    {
        await using var router = await RouterHost.StartAsync();
        var url = router.WebSocketUrl.ToString();
        await using var client = Until.NewClient(url);
        var hooks = new HookRecorder(client);
        client.Register(Add, (invocation, _) => ValueTask.FromResult(Until.Result(invocation.Argument<int>(0) + invocation.Argument<int>(1))));
        var callFromEnd = new TaskCompletionSource<Task<int>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cycles = 0;
        client.OnReady(session =>
        {
            if (Interlocked.Increment(ref cycles) > 1)
            {
                return Task.CompletedTask;
            }

            // The moment the first session has ended, possibly before the client has noticed.
            _ = session.Completion.ContinueWith(
                _ => callFromEnd.TrySetResult(client.CallAsync<int>(Add, 1, 2)),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return Task.CompletedTask;
        });
        await client.StartAsync();
        var first = await client.WhenReadyAsync().WaitAsync(Until.Timeout);

        await using (var admin = await WampSession.ConnectAsync(url).WaitAsync(Until.Timeout))
        {
            await admin.CallAsync("wamp.session.kill", [first.Id]).WaitAsync(Until.Timeout);
        }

        var call = await callFromEnd.Task.WaitAsync(Until.Timeout);
        Assert.Equal(3, await call.WaitAsync(Until.Timeout));
        await hooks.WaitForAsync("ready", 2);
    }

    [Fact]
    public async Task HookThatThrowsDoesNotStopTheCycle()
    {
        await using var router = await RouterHost.StartAsync();
        await using var client = Until.NewClient(router.WebSocketUrl.ToString());
        client.OnJoined(_ => throw new InvalidOperationException("broken hook"));
        var hooks = new HookRecorder(client);

        await client.StartAsync();
        await client.WhenReadyAsync().WaitAsync(Until.Timeout);

        hooks.AssertCycles("joined", "ready");
    }

    private static async Task AssertDeclarationsWorkAsync(string url, EventInbox inbox, string text)
    {
        await using var other = await WampSession.ConnectAsync(url).WaitAsync(Until.Timeout);
        Assert.Equal(5, await other.CallAsync<int>(Add, 2, 3).WaitAsync(Until.Timeout));
        await other.PublishAsync(News, [text], null, new PublishOptions { Acknowledge = true }).WaitAsync(Until.Timeout);
        var received = await inbox.NextAsync();
        Assert.Equal(text, received.Argument<string>(0));
        await other.LeaveAsync().WaitAsync(Until.Timeout);
    }
}
