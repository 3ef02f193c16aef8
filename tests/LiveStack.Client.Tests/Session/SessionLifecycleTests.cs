using LiveStack.Client.Transports;
using LiveStack.Testing;
using LiveStack.Wamp;

namespace LiveStack.Client.Tests.Session;

public class SessionLifecycleTests(SessionRouterFixture router) : IClassFixture<SessionRouterFixture>
{
    [Fact]
    public async Task LeaveAsyncEndsTheSessionAsRequested()
    {
        var session = await router.ConnectAsync();
        Assert.True(session.IsOpen);
        Assert.False(session.Stopping.IsCancellationRequested);

        await session.LeaveAsync().WaitAsync(Wait.Timeout);

        var end = await session.Completion.WaitAsync(Wait.Timeout);
        Assert.True(end.Requested);
        Assert.Equal(WampErrors.GoodbyeAndOut, end.Reason);
        Assert.False(session.IsOpen);
        Assert.True(session.Stopping.IsCancellationRequested);
        await session.LeaveAsync().WaitAsync(Wait.Timeout); // safe twice
        var error = await Assert.ThrowsAsync<WampException>(() => session.CallAsync("com.example.any").WaitAsync(Wait.Timeout));
        Assert.Equal(ClientErrors.ConnectionLost, error.Uri);
    }

    [Fact]
    public async Task LeavingRemovesTheSessionsRegistrations()
    {
        await using var caller = await router.ConnectAsync();
        var callee = await router.ConnectAsync(serializer: "cbor");
        var procedure = Wait.Uri("leaving");
        await callee.RegisterAsync(procedure, (_, _) => ValueTask.FromResult(WampResult.Empty)).WaitAsync(Wait.Timeout);

        await callee.LeaveAsync(message: "bye").WaitAsync(Wait.Timeout);

        var error = await Assert.ThrowsAsync<WampException>(() => caller.CallAsync(procedure).WaitAsync(Wait.Timeout));
        Assert.Equal(WampErrors.NoSuchProcedure, error.Uri);
    }

    [Fact]
    public async Task DisposeAsyncClosesTheConnectionWithoutGoodbye()
    {
        var session = await router.ConnectAsync();

        await session.DisposeAsync().AsTask().WaitAsync(Wait.Timeout);

        var end = await session.Completion.WaitAsync(Wait.Timeout);
        Assert.Equal(ClientErrors.ConnectionLost, end.Reason);
        Assert.True(end.Requested);
    }

    [Theory]
    [InlineData("ws")]
    [InlineData("rs")]
    public async Task RouterShutdownEndsTheSessionAndFailsPendingCalls(string transport)
    {
        var host = await RouterHost.StartAsync();
        var hostStopped = false;
        var url = transport == "ws" ? host.WebSocketUrl.ToString() : $"rs://127.0.0.1:{host.RawSocketPort}";
        WampSession? session = null;
        try
        {
            session = await WampSession.ConnectAsync(WampConnectors.FromUrl(url)).WaitAsync(Wait.Timeout);
            var procedure = Wait.Uri("pending");
            var started = Wait.Source<bool>();
            var handlerCanceled = Wait.Source<bool>();
            await session.RegisterAsync(procedure, async (_, token) =>
            {
                started.TrySetResult(true);
                await Wait.UntilCanceledAsync(handlerCanceled, token);
                return WampResult.Empty;
            }).WaitAsync(Wait.Timeout);
            var call = session.CallAsync(procedure);
            await started.Task.WaitAsync(Wait.Timeout);

            hostStopped = true;
            await host.DisposeAsync().AsTask().WaitAsync(Wait.Timeout);

            var end = await session.Completion.WaitAsync(Wait.Timeout);
            Assert.Equal(WampErrors.SystemShutdown, end.Reason);
            Assert.False(end.Requested);
            var error = await Assert.ThrowsAsync<WampException>(() => call.WaitAsync(Wait.Timeout));
            Assert.Equal(ClientErrors.ConnectionLost, error.Uri);
            await handlerCanceled.Task.WaitAsync(Wait.Timeout);
            var after = await Assert.ThrowsAsync<WampException>(() => session.PublishAsync(Wait.Uri("after")).WaitAsync(Wait.Timeout));
            Assert.Equal(ClientErrors.ConnectionLost, after.Uri);
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }

            if (!hostStopped)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData("ws")]
    [InlineData("rs")]
    public async Task DroppedConnectionEndsTheSessionAndFailsPendingCalls(string transport)
    {
        await using var proxy = new TcpProxy(transport == "ws" ? router.Host.HttpPort : router.Host.RawSocketPort);
        var url = transport == "ws" ? $"ws://127.0.0.1:{proxy.Port}/ws" : $"rs://127.0.0.1:{proxy.Port}";
        await using var callee = await router.ConnectAsync();
        await using var session = await WampSession.ConnectAsync(WampConnectors.FromUrl(url, "msgpack")).WaitAsync(Wait.Timeout);
        var procedure = Wait.Uri("pending");
        var started = Wait.Source<bool>();
        var interrupted = Wait.Source<bool>();
        await using var registration = await callee.RegisterAsync(procedure, async (_, token) =>
        {
            started.TrySetResult(true);
            await Wait.UntilCanceledAsync(interrupted, token);
            return WampResult.Empty;
        }).WaitAsync(Wait.Timeout);
        var call = session.CallAsync(procedure);
        await started.Task.WaitAsync(Wait.Timeout);

        proxy.Drop();

        var end = await session.Completion.WaitAsync(Wait.Timeout);
        Assert.Equal(ClientErrors.ConnectionLost, end.Reason);
        Assert.False(end.Requested);
        Assert.True(session.Stopping.IsCancellationRequested);
        var error = await Assert.ThrowsAsync<WampException>(() => call.WaitAsync(Wait.Timeout));
        Assert.Equal(ClientErrors.ConnectionLost, error.Uri);
        // The router saw the caller go and told the callee.
        await interrupted.Task.WaitAsync(Wait.Timeout);
        Assert.True(callee.IsOpen);
    }

    [Fact]
    public async Task KilledSessionEndsWithTheRoutersReason()
    {
        await using var admin = await router.ConnectAsync();
        await using var victim = await router.ConnectAsync();

        await admin.CallAsync("wamp.session.kill", [victim.Id], new Dictionary<string, object?> { ["reason"] = "com.example.kicked", ["message"] = "go away" }).WaitAsync(Wait.Timeout);

        var end = await victim.Completion.WaitAsync(Wait.Timeout);
        Assert.Equal("com.example.kicked", end.Reason);
        Assert.Equal("go away", end.Message);
        Assert.False(end.Requested);
    }

    [Fact]
    public async Task EventHandlerExceptionIsLoggedAndLaterEventsStillArrive()
    {
        var log = new CapturingLoggerFactory();
        await using var subscriber = await router.ConnectAsync(new WampSessionOptions { LoggerFactory = log });
        await using var publisher = await router.ConnectAsync();
        var topic = Wait.Uri("hostile");
        var received = new List<int>();
        var third = Wait.Source<bool>();
        await using var subscription = await subscriber.SubscribeAsync(topic, (e, _) =>
        {
            var n = e.Argument<int>(0);
            received.Add(n);
            if (n == 1)
            {
                throw new InvalidOperationException("handler bug");
            }

            if (n == 3)
            {
                third.TrySetResult(true);
            }

            return ValueTask.CompletedTask;
        }).WaitAsync(Wait.Timeout);
        var sibling = new EventSink();
        await using var siblingSubscription = await subscriber.SubscribeAsync(topic, sibling.Handler).WaitAsync(Wait.Timeout);

        for (var i = 1; i <= 3; i++)
        {
            await publisher.PublishAsync(topic, i).WaitAsync(Wait.Timeout);
        }

        await third.Task.WaitAsync(Wait.Timeout);
        Assert.Equal([1, 2, 3], received);
        // The handler after the failing one still got the event that failed.
        Assert.Equal(1, (await sibling.NextAsync()).Argument<int>(0));
        var entry = await log.WaitForAsync("EventHandlerFailed");
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Contains(topic, entry.Message, StringComparison.Ordinal);
        Assert.True(subscriber.IsOpen);
    }

    [Fact]
    public async Task AsyncEventHandlerExceptionIsLoggedToo()
    {
        var log = new CapturingLoggerFactory();
        await using var subscriber = await router.ConnectAsync(new WampSessionOptions { LoggerFactory = log });
        await using var publisher = await router.ConnectAsync();
        var topic = Wait.Uri("hostile.async");
        var sink = new EventSink();
        await using var failing = await subscriber.SubscribeAsync(topic, async (_, token) =>
        {
            await Task.Yield();
            throw new FormatException("bad payload");
        }).WaitAsync(Wait.Timeout);
        await using var subscription = await subscriber.SubscribeAsync(topic, sink.Handler).WaitAsync(Wait.Timeout);

        await publisher.PublishAsync(topic, "a").WaitAsync(Wait.Timeout);
        await publisher.PublishAsync(topic, "b").WaitAsync(Wait.Timeout);

        Assert.Equal("a", (await sink.NextAsync()).Argument<string>(0));
        Assert.Equal("b", (await sink.NextAsync()).Argument<string>(0));
        Assert.IsType<FormatException>((await log.WaitForAsync("EventHandlerFailed")).Exception);
    }

    [Fact]
    public async Task SessionLogsJoinAndEnd()
    {
        var log = new CapturingLoggerFactory();
        var session = await router.ConnectAsync(new WampSessionOptions { LoggerFactory = log });

        await session.LeaveAsync().WaitAsync(Wait.Timeout);

        Assert.Contains(session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), (await log.WaitForAsync("Joined")).Message, StringComparison.Ordinal);
        await log.WaitForAsync("SessionEnded");
    }
}
