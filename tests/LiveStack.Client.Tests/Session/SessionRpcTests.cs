using LiveStack.Wamp;

namespace LiveStack.Client.Tests.Session;

public class SessionRpcTests(SessionRouterFixture router) : IClassFixture<SessionRouterFixture>
{
    [Fact]
    public async Task CallCarriesArgumentsAndKeywordsBothWays()
    {
        await using var callee = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        var procedure = Wait.Uri("greet");
        await using var registration = await callee.RegisterAsync(procedure, (invocation, _) =>
        {
            var name = invocation.Argument<string>(0);
            var excited = invocation.Keyword<bool>("excited");
            return ValueTask.FromResult(new WampResult(
                [$"hello {name}{(excited ? "!" : ".")}"],
                new Dictionary<string, object?> { ["length"] = (long)name!.Length }));
        }).WaitAsync(Wait.Timeout);

        var result = await caller.CallAsync(procedure, ["ada"], new Dictionary<string, object?> { ["excited"] = true }).WaitAsync(Wait.Timeout);

        Assert.Equal("hello ada!", result.Argument<string>(0));
        Assert.Equal(3, result.Keyword<int>("length"));
        Assert.False(result.IsProgress);
    }

    [Fact]
    public async Task TypedCallConvertsArgumentsAndResult()
    {
        await using var callee = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        var procedure = Wait.Uri("scale");
        await using var registration = await callee.RegisterAsync(procedure, (invocation, _) =>
        {
            var point = invocation.Argument<Point>(0)!;
            var factor = invocation.Argument<int>(1);
            return ValueTask.FromResult(WampResult.Of(new Point(point.X * factor, point.Y * factor)));
        }).WaitAsync(Wait.Timeout);

        var scaled = await caller.CallAsync<Point>(procedure, new Point(2, 3), 10).WaitAsync(Wait.Timeout);

        Assert.Equal(new Point(20, 30), scaled);
    }

    [Fact]
    public async Task CalleeWampExceptionReachesTheCallerWithUriArgumentsAndKeywords()
    {
        await using var callee = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        var procedure = Wait.Uri("refuse");
        await using var registration = await callee.RegisterAsync(procedure, (_, _) =>
            throw new WampException("com.example.error.insufficient_funds", ["balance too low", 12L], new Dictionary<string, object?> { ["needed"] = 30L })).WaitAsync(Wait.Timeout);

        var error = await Assert.ThrowsAsync<WampException>(() => caller.CallAsync(procedure).WaitAsync(Wait.Timeout));

        Assert.Equal("com.example.error.insufficient_funds", error.Uri);
        Assert.Equal(["balance too low", 12L], error.Arguments);
        Assert.Equal(30L, error.ArgumentsKeywords["needed"]);
        Assert.Contains("balance too low", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalleePlainExceptionBecomesRuntimeErrorAndTheCalleeStaysUsable()
    {
        var log = new CapturingLoggerFactory();
        await using var callee = await router.ConnectAsync(new WampSessionOptions { LoggerFactory = log });
        await using var caller = await router.ConnectAsync();
        var procedure = Wait.Uri("faulty");
        var calls = 0;
        await using var registration = await callee.RegisterAsync(procedure, (_, _) =>
            Interlocked.Increment(ref calls) == 1
                ? throw new InvalidOperationException("secret internal detail")
                : ValueTask.FromResult(Wait.Result("fine"))).WaitAsync(Wait.Timeout);

        var error = await Assert.ThrowsAsync<WampException>(() => caller.CallAsync(procedure).WaitAsync(Wait.Timeout));

        Assert.Equal(ClientErrors.RuntimeError, error.Uri);
        Assert.DoesNotContain("secret internal detail", error.Message, StringComparison.Ordinal);
        var entry = await log.WaitForAsync("ProcedureHandlerFailed");
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.True(callee.IsOpen);
        Assert.Equal("fine", await caller.CallAsync<string>(procedure).WaitAsync(Wait.Timeout));
    }

    [Fact]
    public async Task DetailedErrorsSendTheExceptionMessage()
    {
        await using var callee = await router.ConnectAsync(new WampSessionOptions { DetailedErrors = true });
        await using var caller = await router.ConnectAsync();
        var procedure = Wait.Uri("detailed");
        await using var registration = await callee.RegisterAsync(procedure, (_, _) =>
            throw new InvalidOperationException("the detail")).WaitAsync(Wait.Timeout);

        var error = await Assert.ThrowsAsync<WampException>(() => caller.CallAsync(procedure).WaitAsync(Wait.Timeout));

        Assert.Equal(ClientErrors.RuntimeError, error.Uri);
        Assert.Contains("the detail", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallingAnUnknownProcedureFailsWithNoSuchProcedure()
    {
        await using var caller = await router.ConnectAsync();

        var error = await Assert.ThrowsAsync<WampException>(() => caller.CallAsync(Wait.Uri("missing")).WaitAsync(Wait.Timeout));

        Assert.Equal(WampErrors.NoSuchProcedure, error.Uri);
        Assert.True(caller.IsOpen);
    }

    [Fact]
    public async Task SharedRoundRobinRegistrationAlternatesBetweenCallees()
    {
        await using var first = await router.ConnectAsync();
        await using var second = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        var procedure = Wait.Uri("shared");
        var options = new RegisterOptions { Invoke = InvocationPolicy.RoundRobin };
        await using var r1 = await first.RegisterAsync(procedure, (_, _) => ValueTask.FromResult(Wait.Result(first.Id)), options).WaitAsync(Wait.Timeout);
        await using var r2 = await second.RegisterAsync(procedure, (_, _) => ValueTask.FromResult(Wait.Result(second.Id)), options).WaitAsync(Wait.Timeout);

        var served = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            served.Add(await caller.CallAsync<long>(procedure).WaitAsync(Wait.Timeout));
        }

        Assert.Equal(r1.Id, r2.Id);
        Assert.Equal(3, served.Count(id => id == first.Id));
        Assert.Equal(3, served.Count(id => id == second.Id));
        Assert.All(served.Zip(served.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public async Task PrefixRegistrationSeesTheConcreteProcedure()
    {
        await using var callee = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        var prefix = Wait.Uri("api");
        await using var registration = await callee.RegisterAsync(prefix, (invocation, _) =>
            ValueTask.FromResult(Wait.Result(invocation.Procedure)), new RegisterOptions { Match = MatchPolicy.Prefix }).WaitAsync(Wait.Timeout);

        Assert.Equal($"{prefix}.users.get", await caller.CallAsync<string>($"{prefix}.users.get").WaitAsync(Wait.Timeout));
        Assert.Equal(prefix, registration.Procedure);
    }

    [Fact]
    public async Task WildcardRegistrationSeesTheConcreteProcedure()
    {
        await using var callee = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        var root = Wait.Uri("devices");
        await using var registration = await callee.RegisterAsync($"{root}..reset", (invocation, _) =>
            ValueTask.FromResult(Wait.Result(invocation.Procedure)), new RegisterOptions { Match = MatchPolicy.Wildcard }).WaitAsync(Wait.Timeout);

        Assert.Equal($"{root}.d42.reset", await caller.CallAsync<string>($"{root}.d42.reset").WaitAsync(Wait.Timeout));
    }

    [Fact]
    public async Task RegisteringAProcedureTwiceFailsWithProcedureAlreadyExists()
    {
        await using var first = await router.ConnectAsync();
        await using var second = await router.ConnectAsync();
        var procedure = Wait.Uri("taken");
        await using var registration = await first.RegisterAsync(procedure, (_, _) => ValueTask.FromResult(WampResult.Empty)).WaitAsync(Wait.Timeout);

        var error = await Assert.ThrowsAsync<WampException>(() =>
            second.RegisterAsync(procedure, (_, _) => ValueTask.FromResult(WampResult.Empty)).WaitAsync(Wait.Timeout));
        var again = await Assert.ThrowsAsync<WampException>(() =>
            first.RegisterAsync(procedure, (_, _) => ValueTask.FromResult(WampResult.Empty)).WaitAsync(Wait.Timeout));

        Assert.Equal(WampErrors.ProcedureAlreadyExists, error.Uri);
        Assert.Equal(WampErrors.ProcedureAlreadyExists, again.Uri);
        Assert.True(second.IsOpen);
    }

    [Fact]
    public async Task UnregisteredProcedureFailsWithNoSuchProcedure()
    {
        await using var callee = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        var procedure = Wait.Uri("gone");
        var registration = await callee.RegisterAsync(procedure, (_, _) => ValueTask.FromResult(Wait.Result(1))).WaitAsync(Wait.Timeout);
        Assert.Equal(1, await caller.CallAsync<int>(procedure).WaitAsync(Wait.Timeout));

        await registration.UnregisterAsync().WaitAsync(Wait.Timeout);
        await registration.DisposeAsync(); // a second unregister does nothing

        var error = await Assert.ThrowsAsync<WampException>(() => caller.CallAsync(procedure).WaitAsync(Wait.Timeout));
        Assert.Equal(WampErrors.NoSuchProcedure, error.Uri);

        // The URI is free again.
        await using var again = await callee.RegisterAsync(procedure, (_, _) => ValueTask.FromResult(Wait.Result(2))).WaitAsync(Wait.Timeout);
        Assert.Equal(2, await caller.CallAsync<int>(procedure).WaitAsync(Wait.Timeout));
    }

    [Fact]
    public async Task CallerIdentityIsDisclosedWhenAsked()
    {
        await using var callee = await router.ConnectAsync();
        await using var caller = await router.ConnectAsync();
        var procedure = Wait.Uri("who");
        await using var registration = await callee.RegisterAsync(procedure, (invocation, _) =>
            ValueTask.FromResult(Wait.Result(invocation.Caller))).WaitAsync(Wait.Timeout);

        var disclosed = await caller.CallAsync(procedure, options: new CallOptions { DiscloseMe = true }).WaitAsync(Wait.Timeout);

        Assert.Equal(caller.Id, disclosed.Argument<long>(0));
    }

    [Fact]
    public async Task ASessionCanCallItsOwnProcedure()
    {
        await using var session = await router.ConnectAsync(serializer: "msgpack");
        var procedure = Wait.Uri("self");
        await using var registration = await session.RegisterAsync(procedure, (invocation, _) =>
            ValueTask.FromResult(Wait.Result(invocation.Argument<int>(0) * 2))).WaitAsync(Wait.Timeout);

        Assert.Equal(42, await session.CallAsync<int>(procedure, 21).WaitAsync(Wait.Timeout));
    }

    private sealed record Point(int X, int Y);
}
