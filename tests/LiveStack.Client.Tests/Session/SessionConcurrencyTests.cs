namespace LiveStack.Client.Tests.Session;

public class SessionConcurrencyTests(SessionRouterFixture router) : IClassFixture<SessionRouterFixture>
{
    [Fact]
    public async Task SlowProcedureHandlerDoesNotBlockOtherCallsOrEvents()
    {
        await using var callee = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        var slow = Wait.Uri("slow");
        var fast = Wait.Uri("fast");
        var topic = Wait.Uri("topic");
        var started = Wait.Source<bool>();
        var gate = Wait.Source<bool>();
        var sink = new EventSink();
        await using var r1 = await callee.RegisterAsync(slow, async (_, token) =>
        {
            started.TrySetResult(true);
            await gate.Task.WaitAsync(token);
            return Wait.Result("slow");
        }).WaitAsync(Wait.Timeout);
        await using var r2 = await callee.RegisterAsync(fast, (_, _) => ValueTask.FromResult(Wait.Result("fast"))).WaitAsync(Wait.Timeout);
        await using var subscription = await callee.SubscribeAsync(topic, sink.Handler).WaitAsync(Wait.Timeout);

        var slowCall = caller.CallAsync<string>(slow);
        await started.Task.WaitAsync(Wait.Timeout);

        Assert.Equal("fast", await caller.CallAsync<string>(fast).WaitAsync(Wait.Timeout));
        await caller.PublishAsync(topic, "while slow").WaitAsync(Wait.Timeout);
        Assert.Equal("while slow", (await sink.NextAsync()).Argument<string>(0));
        Assert.False(slowCall.IsCompleted);

        gate.TrySetResult(true);
        Assert.Equal("slow", await slowCall.WaitAsync(Wait.Timeout));
    }

    [Fact]
    public async Task SlowEventHandlerDoesNotBlockRepliesOrInvocations()
    {
        await using var session = await router.ConnectAsync();
        await using var other = await router.ConnectAsync();
        var topic = Wait.Uri("topic");
        var otherProcedure = Wait.Uri("other");
        var ownProcedure = Wait.Uri("own");
        var handling = Wait.Source<bool>();
        var gate = Wait.Source<bool>();
        var done = Wait.Source<bool>();
        var handled = new List<string?>();
        await using var subscription = await session.SubscribeAsync(topic, async (e, token) =>
        {
            handled.Add(e.Argument<string>(0));
            handling.TrySetResult(true);
            await gate.Task.WaitAsync(token); // the token lets disposal end a stuck handler if the test fails
            if (handled.Count == 3)
            {
                done.TrySetResult(true);
            }
        }).WaitAsync(Wait.Timeout);
        await using var r1 = await other.RegisterAsync(otherProcedure, (_, _) => ValueTask.FromResult(Wait.Result("reply"))).WaitAsync(Wait.Timeout);
        await using var r2 = await session.RegisterAsync(ownProcedure, (_, _) => ValueTask.FromResult(Wait.Result("served"))).WaitAsync(Wait.Timeout);

        await other.PublishAsync(topic, "first").WaitAsync(Wait.Timeout);
        await handling.Task.WaitAsync(Wait.Timeout);

        // The event handler is stuck; replies to this session and calls into it still flow.
        Assert.Equal("reply", await session.CallAsync<string>(otherProcedure).WaitAsync(Wait.Timeout));
        Assert.Equal("served", await other.CallAsync<string>(ownProcedure).WaitAsync(Wait.Timeout));
        await other.PublishAsync(topic, "second").WaitAsync(Wait.Timeout);
        await other.PublishAsync(topic, "third").WaitAsync(Wait.Timeout);
        Assert.Equal(["first"], handled);

        // Events stay one at a time and in order: the others run once the first is done.
        gate.TrySetResult(true);
        await done.Task.WaitAsync(Wait.Timeout);
        Assert.Equal(["first", "second", "third"], handled);
    }

    [Fact]
    public async Task ManyConcurrentRequestsFromManyThreadsAllSucceed()
    {
        await using var callee = await router.ConnectAsync();
        await using var session = await router.ConnectAsync(serializer: "msgpack");
        var procedure = Wait.Uri("echo");
        var topic = Wait.Uri("topic");
        await using var registration = await callee.RegisterAsync(procedure, (invocation, _) =>
            ValueTask.FromResult(new WampResult(invocation.Arguments))).WaitAsync(Wait.Timeout);

        // The router requires request ids in sequence, so concurrent requests must leave in id order.
        var calls = Enumerable.Range(0, 400).Select(i => Task.Run(async () =>
        {
            if (i % 4 == 0)
            {
                await session.PublishAsync(topic, [(long)i], options: new PublishOptions { Acknowledge = i % 8 == 0 });
                return i;
            }

            return await session.CallAsync<int>(procedure, i);
        }));
        var results = await Task.WhenAll(calls).WaitAsync(Wait.Timeout);

        Assert.Equal(Enumerable.Range(0, 400), results);
        Assert.True(session.IsOpen);
    }

    [Fact]
    public async Task ManyConcurrentInvocationsRunInParallel()
    {
        await using var callee = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        var procedure = Wait.Uri("barrier");
        const int count = 20;
        var arrived = 0;
        var all = Wait.Source<bool>();
        await using var registration = await callee.RegisterAsync(procedure, async (invocation, _) =>
        {
            if (Interlocked.Increment(ref arrived) == count)
            {
                all.TrySetResult(true);
            }

            // Nobody returns before every call has started: only possible when the handlers run concurrently.
            await all.Task;
            return new WampResult(invocation.Arguments);
        }).WaitAsync(Wait.Timeout);

        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => caller.CallAsync<int>(procedure, i))).WaitAsync(Wait.Timeout);

        Assert.Equal(Enumerable.Range(0, count), results);
    }
}
