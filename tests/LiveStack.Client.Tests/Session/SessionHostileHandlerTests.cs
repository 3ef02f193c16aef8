namespace LiveStack.Client.Tests.Session;

/// <summary>Handlers that misbehave must cost a log line, never the session.</summary>
public class SessionHostileHandlerTests(SessionRouterFixture router) : IClassFixture<SessionRouterFixture>
{
    [Fact]
    public async Task ThrowingCancellationCallbackInAProcedureHandlerDoesNotKillTheSession()
    {
        var log = new CapturingLoggerFactory();
        await using var caller = await router.ConnectAsync();
        var callee = await router.ConnectAsync(new WampSessionOptions { LoggerFactory = log });
        try
        {
            var endless = Wait.Uri("endless");
            var ping = Wait.Uri("ping");
            var started = Wait.Source<bool>();
            var interrupted = Wait.Source<bool>();
            await callee.RegisterAsync(endless, async (_, token) =>
            {
                token.Register(() => throw new InvalidOperationException("callback bug"));
                started.TrySetResult(true);
                await Wait.UntilCanceledAsync(interrupted, token);
                return WampResult.Empty;
            }).WaitAsync(Wait.Timeout);
            await callee.RegisterAsync(ping, (_, _) => ValueTask.FromResult(Wait.Result("pong"))).WaitAsync(Wait.Timeout);

            using var cts = new CancellationTokenSource();
            var call = caller.CallAsync(endless, cancellationToken: cts.Token);
            await started.Task.WaitAsync(Wait.Timeout);
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Wait.Timeout));
            await interrupted.Task.WaitAsync(Wait.Timeout);

            Assert.Equal("pong", await caller.CallAsync<string>(ping).WaitAsync(Wait.Timeout));
            Assert.True(callee.IsOpen);
            await log.WaitForAsync("HookFailed");
            Assert.Contains(log.Entries, e => e.Exception?.ToString().Contains("callback bug", StringComparison.Ordinal) == true);
        }
        finally
        {
            // Bounded: a session whose receive loop died would never finish disposing.
            await callee.DisposeAsync().AsTask().WaitAsync(Wait.Timeout);
        }
    }

    [Fact]
    public async Task CancellationCallbacksOfAProcedureHandlerRunOffTheReceiveLoop()
    {
        await using var callee = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        var endless = Wait.Uri("endless");
        var ping = Wait.Uri("ping");
        var started = Wait.Source<bool>();
        var callbackRunning = Wait.Source<bool>();
        var release = new ManualResetEventSlim();
        await using var r1 = await callee.RegisterAsync(endless, async (_, token) =>
        {
            // A blocking callback (bad practice, but user code): it must not stall the session.
            token.Register(() =>
            {
                callbackRunning.TrySetResult(true);
                release.Wait(TimeSpan.FromSeconds(30)); // longer than the call below may take
            });
            started.TrySetResult(true);
            await Task.Delay(Timeout.Infinite, token);
            return WampResult.Empty;
        }).WaitAsync(Wait.Timeout);
        await using var r2 = await callee.RegisterAsync(ping, (_, _) => ValueTask.FromResult(Wait.Result("pong"))).WaitAsync(Wait.Timeout);

        try
        {
            using var cts = new CancellationTokenSource();
            var call = caller.CallAsync(endless, cancellationToken: cts.Token);
            await started.Task.WaitAsync(Wait.Timeout);
            await cts.CancelAsync();
            await callbackRunning.Task.WaitAsync(Wait.Timeout);

            Assert.Equal("pong", await caller.CallAsync<string>(ping).WaitAsync(Wait.Timeout));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Wait.Timeout));
        }
        finally
        {
            release.Set();
        }

        release.Dispose();
    }

    [Fact]
    public async Task ThrowingStoppingCallbackDoesNotPreventTheSessionFromEnding()
    {
        var log = new CapturingLoggerFactory();
        var session = await router.ConnectAsync(new WampSessionOptions { LoggerFactory = log, HandshakeTimeout = TimeSpan.FromSeconds(3) });
        session.Stopping.Register(() => throw new InvalidOperationException("stopping bug"));

        await session.LeaveAsync().WaitAsync(Wait.Timeout);

        var end = await session.Completion.WaitAsync(Wait.Timeout);
        Assert.True(end.Requested);
        Assert.Contains(log.Entries, e => e.Exception?.ToString().Contains("stopping bug", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task EventHandlerThatIgnoresItsTokenThrowingOperationCanceledIsLogged()
    {
        var log = new CapturingLoggerFactory();
        await using var subscriber = await router.ConnectAsync(new WampSessionOptions { LoggerFactory = log });
        await using var publisher = await router.ConnectAsync();
        var topic = Wait.Uri("canceled");
        var sink = new EventSink();
        await using var failing = await subscriber.SubscribeAsync(topic, (_, _) => throw new OperationCanceledException("not ours")).WaitAsync(Wait.Timeout);
        await using var subscription = await subscriber.SubscribeAsync(topic, sink.Handler).WaitAsync(Wait.Timeout);

        await publisher.PublishAsync(topic, 1).WaitAsync(Wait.Timeout);
        await publisher.PublishAsync(topic, 2).WaitAsync(Wait.Timeout);

        Assert.Equal(1, (await sink.NextAsync()).Argument<int>(0));
        Assert.Equal(2, (await sink.NextAsync()).Argument<int>(0));
        Assert.IsType<OperationCanceledException>((await log.WaitForAsync("EventHandlerFailed")).Exception);
    }
}
