using LiveStack.Wamp;
using LiveStack.Wamp.Messages;
using Microsoft.Extensions.Time.Testing;

namespace LiveStack.Router.Tests;

public class DealerTests
{
    private static Dictionary<string, object?> Options(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);

    private static readonly Dictionary<string, object?> NoOptions = [];

    [Fact]
    public void CallIsInvokedAndTheYieldBecomesTheResultWithPayloadUnchanged()
    {
        using var router = TestRouter.Create();
        var callee = LinkedPeer.Join(router);
        var caller = LinkedPeer.Join(router);
        var registration = callee.Register("com.example.add");

        var request = caller.Call("com.example.add", [2L, 3L]);
        var invocation = callee.Receive<InvocationMessage>();
        Assert.Equal(registration, invocation.Registration);
        Assert.Equal(1, invocation.Request);
        Assert.Equal([2L, 3L], invocation.Arguments!);
        Assert.False(invocation.Details.ContainsKey("caller"));

        callee.Send(new YieldMessage(invocation.Request, NoOptions, [5L], new Dictionary<string, object?> { ["note"] = "sum" }));
        var result = caller.Receive<ResultMessage>();
        Assert.Equal(request, result.Request);
        Assert.Equal([5L], result.Arguments!);
        Assert.Equal("sum", result.ArgumentsKeywords!["note"]);
    }

    [Fact]
    public void InvocationIdsRiseByOnePerCallee()
    {
        using var router = TestRouter.Create();
        var callee = LinkedPeer.Join(router);
        var caller = LinkedPeer.Join(router);
        callee.Register("com.example.p");
        caller.Call("com.example.p");
        caller.Call("com.example.p");

        Assert.Equal([1L, 2L], callee.Drain().Cast<InvocationMessage>().Select(i => i.Request));
    }

    [Fact]
    public void CalleeErrorReachesTheCaller()
    {
        using var router = TestRouter.Create();
        var callee = LinkedPeer.Join(router);
        var caller = LinkedPeer.Join(router);
        callee.Register("com.example.fail");
        var request = caller.Call("com.example.fail");
        var invocation = callee.Receive<InvocationMessage>();

        callee.Send(new ErrorMessage(MessageCode.Invocation, invocation.Request, NoOptions, "com.example.error.oops", ["why"], new Dictionary<string, object?> { ["code"] = 7L }));
        var error = caller.Receive<ErrorMessage>();
        Assert.Equal(MessageCode.Call, error.RequestType);
        Assert.Equal(request, error.Request);
        Assert.Equal("com.example.error.oops", error.Error);
        Assert.Equal(7L, error.ArgumentsKeywords!["code"]);
    }

    [Fact]
    public void UnknownProcedureAndDuplicateRegistrationFail()
    {
        using var router = TestRouter.Create();
        var first = LinkedPeer.Join(router);
        var second = LinkedPeer.Join(router);
        first.Call("com.example.none");
        Assert.Equal(WampErrors.NoSuchProcedure, first.Receive<ErrorMessage>().Error);

        first.Register("com.example.p");
        second.Send(new RegisterMessage(second.NextRequest(), NoOptions, "com.example.p"));
        Assert.Equal(WampErrors.ProcedureAlreadyExists, second.Receive<ErrorMessage>().Error);

        second.Send(new RegisterMessage(second.NextRequest(), NoOptions, "wamp.my.procedure"));
        Assert.Equal(WampErrors.InvalidUri, second.Receive<ErrorMessage>().Error);
    }

    [Fact]
    public void MismatchedInvocationPolicyIsRefused()
    {
        using var router = TestRouter.Create();
        LinkedPeer.Join(router).Register("com.example.p", Options(("invoke", "roundrobin")));
        var other = LinkedPeer.Join(router);
        other.Send(new RegisterMessage(other.NextRequest(), Options(("invoke", "random")), "com.example.p"));

        Assert.Equal(WampErrors.ProcedureAlreadyExists, other.Receive<ErrorMessage>().Error);
    }

    [Fact]
    public void RoundRobinContinuesAfterACalleeLeaves()
    {
        using var router = TestRouter.Create();
        var callees = Enumerable.Range(0, 3).Select(_ => LinkedPeer.Join(router)).ToList();
        foreach (var callee in callees)
        {
            callee.Register("com.example.rr", Options(("invoke", "roundrobin")));
        }

        var caller = LinkedPeer.Join(router);
        caller.Call("com.example.rr");
        caller.Call("com.example.rr");
        Assert.Single(callees[0].Drain());
        Assert.Single(callees[1].Drain());

        callees[1].Session.TransportClosed();
        caller.Call("com.example.rr");
        caller.Call("com.example.rr");
        caller.Call("com.example.rr");
        Assert.Equal(2, callees[2].Drain().Count);
        Assert.Single(callees[0].Drain());
    }

    [Theory]
    [InlineData("first", 0)]
    [InlineData("last", 2)]
    public void FirstAndLastPickTheOldestAndNewest(string policy, int expected)
    {
        using var router = TestRouter.Create();
        var callees = Enumerable.Range(0, 3).Select(_ => LinkedPeer.Join(router)).ToList();
        foreach (var callee in callees)
        {
            callee.Register("com.example.hot", Options(("invoke", policy)));
        }

        var caller = LinkedPeer.Join(router);
        caller.Call("com.example.hot");
        caller.Call("com.example.hot");

        Assert.Equal(2, callees[expected].Drain().Count);
    }

    [Fact]
    public void RandomPolicyReachesEveryCallee()
    {
        using var router = TestRouter.Create();
        var callees = Enumerable.Range(0, 3).Select(_ => LinkedPeer.Join(router)).ToList();
        foreach (var callee in callees)
        {
            callee.Register("com.example.any", Options(("invoke", "random")));
        }

        var caller = LinkedPeer.Join(router);
        for (var i = 0; i < 200; i++)
        {
            caller.Call("com.example.any");
        }

        Assert.All(callees, c => Assert.NotEmpty(c.Drain()));
    }

    [Theory]
    [InlineData("a1.b2.c3.d4.e55", "exact")]
    [InlineData("a1.b2.c3.d98.e74", "prefix a1.b2.c3")]
    [InlineData("a1.b2.c4.d4.e5", "prefix a1")]
    [InlineData("a2.b2.c33.d4.e5", "none")]
    public void ExactBeatsLongestPrefix(string procedure, string expected)
    {
        using var router = TestRouter.Create();
        var registrations = new Dictionary<string, (LinkedPeer Peer, long Id)>();
        void Register(string name, string uri, string match)
        {
            var peer = LinkedPeer.Join(router);
            registrations[name] = (peer, peer.Register(uri, Options(("match", match))));
        }

        Register("exact", "a1.b2.c3.d4.e55", "exact");
        Register("prefix a1", "a1.", "prefix");
        // Prefixes are plain string prefixes, so the trailing dot keeps "a1.b2.c33…" out of this one.
        Register("prefix a1.b2.c3", "a1.b2.c3.", "prefix");
        Register("wildcard a1.b2.c33..e5", "a1.b2.c33..e5", "wildcard");
        Register("wildcard a1.b2..d4.e5", "a1.b2..d4.e5", "wildcard");

        var caller = LinkedPeer.Join(router);
        caller.Call(procedure);
        if (expected == "none")
        {
            Assert.Equal(WampErrors.NoSuchProcedure, caller.Receive<ErrorMessage>().Error);
            return;
        }

        var invocation = registrations[expected].Peer.Receive<InvocationMessage>();
        Assert.Equal(registrations[expected].Id, invocation.Registration);
        if (expected != "exact")
        {
            Assert.Equal(procedure, invocation.Details["procedure"]);
        }
    }

    [Fact]
    public void DisclosedCallerAppearsInInvocationDetails()
    {
        using var router = TestRouter.Create();
        var callee = LinkedPeer.Join(router);
        var caller = LinkedPeer.Join(router, details: LinkedPeer.Hello("the-caller"));
        callee.Register("com.example.who");

        caller.Call("com.example.who", options: Options(("disclose_me", true)));
        var details = callee.Receive<InvocationMessage>().Details;
        Assert.Equal(caller.Id, details["caller"]);
        Assert.Equal("the-caller", details["caller_authid"]);
    }

    [Fact]
    public void ProgressiveResultsReachOnlyCallersThatAskedForThem()
    {
        using var router = TestRouter.Create();
        var callee = LinkedPeer.Join(router);
        var caller = LinkedPeer.Join(router);
        callee.Register("com.example.stream");

        caller.Call("com.example.stream", options: Options(("receive_progress", true)));
        var streamed = callee.Receive<InvocationMessage>();
        Assert.Equal(true, streamed.Details["receive_progress"]);
        callee.Send(new YieldMessage(streamed.Request, Options(("progress", true)), [1L]));
        callee.Send(new YieldMessage(streamed.Request, Options(("progress", true)), [2L]));
        callee.Send(new YieldMessage(streamed.Request, NoOptions, [3L]));
        callee.Send(new YieldMessage(streamed.Request, Options(("progress", true)), [4L]));
        var results = caller.Drain().Cast<ResultMessage>().ToList();
        Assert.Equal([1L, 2L, 3L], results.Select(r => (long)r.Arguments![0]!));
        Assert.Equal([true, true, false], results.Select(r => r.Details.ContainsKey("progress")));

        caller.Call("com.example.stream");
        var plain = callee.Receive<InvocationMessage>();
        Assert.False(plain.Details.ContainsKey("receive_progress"));
        callee.Send(new YieldMessage(plain.Request, Options(("progress", true)), [1L]));
        callee.Send(new YieldMessage(plain.Request, NoOptions, [2L]));
        Assert.Equal([2L], caller.Drain().Cast<ResultMessage>().Select(r => (long)r.Arguments![0]!));
    }

    [Theory]
    [InlineData("skip", false, true)]
    [InlineData("killnowait", true, true)]
    [InlineData(null, true, true)]
    public void CancelSkipAndKillNoWaitAnswerAtOnce(string? mode, bool interrupts, bool dropsLateYield)
    {
        using var router = TestRouter.Create();
        var callee = LinkedPeer.Join(router);
        var caller = LinkedPeer.Join(router);
        callee.Register("com.example.slow");
        var request = caller.Call("com.example.slow");
        var invocation = callee.Receive<InvocationMessage>();

        caller.Send(new CancelMessage(request, mode is null ? NoOptions : Options(("mode", mode))));
        var error = caller.Receive<ErrorMessage>();
        Assert.Equal(WampErrors.Canceled, error.Error);
        if (interrupts)
        {
            Assert.Equal(mode ?? "killnowait", callee.Receive<InterruptMessage>().Options["mode"]);
        }
        else
        {
            callee.AssertNothing();
        }

        callee.Send(new YieldMessage(invocation.Request, NoOptions, ["late"]));
        if (dropsLateYield)
        {
            caller.AssertNothing();
        }
    }

    [Fact]
    public void CancelKillWaitsForTheCalleesAnswer()
    {
        using var router = TestRouter.Create();
        var callee = LinkedPeer.Join(router);
        var caller = LinkedPeer.Join(router);
        callee.Register("com.example.slow");
        var request = caller.Call("com.example.slow");
        var invocation = callee.Receive<InvocationMessage>();

        caller.Send(new CancelMessage(request, Options(("mode", "kill"))));
        Assert.Equal("kill", callee.Receive<InterruptMessage>().Options["mode"]);
        caller.AssertNothing();

        callee.Send(new ErrorMessage(MessageCode.Invocation, invocation.Request, NoOptions, WampErrors.Canceled));
        Assert.Equal(WampErrors.Canceled, caller.Receive<ErrorMessage>().Error);
    }

    [Fact]
    public void CalleeWithoutCallCancelingGetsSkipAndNoInterrupt()
    {
        using var router = TestRouter.Create();
        var callee = LinkedPeer.Join(router, details: LinkedPeer.Hello(null, "progressive_call_results"));
        var caller = LinkedPeer.Join(router);
        callee.Register("com.example.slow");
        var request = caller.Call("com.example.slow");
        callee.Receive<InvocationMessage>();

        caller.Send(new CancelMessage(request, Options(("mode", "kill"))));
        Assert.Equal(WampErrors.Canceled, caller.Receive<ErrorMessage>().Error);
        callee.AssertNothing();
    }

    [Fact]
    public void CancelOfAnUnknownCallIsIgnored()
    {
        using var router = TestRouter.Create();
        var caller = LinkedPeer.Join(router);
        caller.Send(new CancelMessage(42, NoOptions));

        caller.AssertNothing();
        Assert.Equal(Sessions.SessionState.Established, caller.Session.State);
    }

    [Fact]
    public void TimeoutFailsTheCallAndInterruptsTheCallee()
    {
        var time = new FakeTimeProvider();
        using var router = TestRouter.Create(time: time);
        var callee = LinkedPeer.Join(router);
        var caller = LinkedPeer.Join(router);
        callee.Register("com.example.slow");
        caller.Call("com.example.slow", options: Options(("timeout", 500L)));
        callee.Receive<InvocationMessage>();

        time.Advance(TimeSpan.FromMilliseconds(400));
        caller.AssertNothing();
        time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(WampErrors.Timeout, caller.Receive<ErrorMessage>().Error);
        Assert.Equal("killnowait", callee.Receive<InterruptMessage>().Options["mode"]);
    }

    [Fact]
    public void ForwardedTimeoutIsLeftToTheCallee()
    {
        var time = new FakeTimeProvider();
        using var router = TestRouter.Create(time: time);
        var callee = LinkedPeer.Join(router);
        var caller = LinkedPeer.Join(router);
        callee.Register("com.example.slow", Options(("forward_timeout", true)));
        caller.Call("com.example.slow", options: Options(("timeout", 500L)));

        Assert.Equal(500L, callee.Receive<InvocationMessage>().Details["timeout"]);
        time.Advance(TimeSpan.FromSeconds(2));
        caller.AssertNothing();
    }

    [Fact]
    public void CalleeLeavingFailsPendingCallsAtOnce()
    {
        using var router = TestRouter.Create();
        var callee = LinkedPeer.Join(router);
        var caller = LinkedPeer.Join(router);
        callee.Register("com.example.slow");
        var request = caller.Call("com.example.slow");

        callee.Session.TransportClosed();
        var error = caller.Receive<ErrorMessage>();
        Assert.Equal(request, error.Request);
        Assert.Equal(WampErrors.Canceled, error.Error);

        caller.Call("com.example.slow");
        Assert.Equal(WampErrors.NoSuchProcedure, caller.Receive<ErrorMessage>().Error);
    }

    [Fact]
    public void CallerLeavingInterruptsTheCalleeAndTheLateYieldIsIgnored()
    {
        using var router = TestRouter.Create();
        var callee = LinkedPeer.Join(router);
        var caller = LinkedPeer.Join(router);
        callee.Register("com.example.slow");
        caller.Call("com.example.slow");
        var invocation = callee.Receive<InvocationMessage>();

        caller.Session.TransportClosed();
        Assert.Equal("killnowait", callee.Receive<InterruptMessage>().Options["mode"]);
        callee.Send(new YieldMessage(invocation.Request, NoOptions, ["late"]));
        Assert.Equal(Sessions.SessionState.Established, callee.Session.State);
    }

    [Fact]
    public void UnregisterStopsNewInvocationsButPendingOnesStillComplete()
    {
        using var router = TestRouter.Create();
        var callee = LinkedPeer.Join(router);
        var caller = LinkedPeer.Join(router);
        var registration = callee.Register("com.example.p");
        caller.Call("com.example.p");
        var invocation = callee.Receive<InvocationMessage>();

        callee.Send(new UnregisterMessage(callee.NextRequest(), registration));
        callee.Receive<UnregisteredMessage>();
        caller.Call("com.example.p");
        Assert.Equal(WampErrors.NoSuchProcedure, caller.Receive<ErrorMessage>().Error);
        callee.AssertNothing();

        callee.Send(new YieldMessage(invocation.Request, NoOptions, ["done"]));
        Assert.Equal(["done"], caller.Receive<ResultMessage>().Arguments!);
    }

    [Fact]
    public void UnregisteringAnotherSessionsRegistrationFails()
    {
        using var router = TestRouter.Create();
        var owner = LinkedPeer.Join(router);
        var intruder = LinkedPeer.Join(router);
        var id = owner.Register("com.example.p");

        intruder.Send(new UnregisterMessage(intruder.NextRequest(), id));
        Assert.Equal(WampErrors.NoSuchRegistration, intruder.Receive<ErrorMessage>().Error);
    }

    [Theory]
    [InlineData("a1.b2.c33.d4.e5", "a1.b2.c33..e5")]
    [InlineData("a1.b2.c55.d4.e5", "a1.b2..d4.e5")]
    [InlineData("a1.b2.c33.d9.e5", "a1.b2.c33..e5")]
    [InlineData("a1.x.c33.d4.e5", "a1...d4.e5")]
    public void MostSpecificWildcardWins(string procedure, string expected)
    {
        using var router = TestRouter.Create();
        var registrations = new Dictionary<string, (LinkedPeer Peer, long Id)>();
        foreach (var pattern in new[] { "a1.b2.c33..e5", "a1.b2..d4.e5", "a1...d4.e5" })
        {
            var peer = LinkedPeer.Join(router);
            registrations[pattern] = (peer, peer.Register(pattern, Options(("match", "wildcard"))));
        }

        LinkedPeer.Join(router).Call(procedure);
        var invocation = registrations[expected].Peer.Receive<InvocationMessage>();
        Assert.Equal(registrations[expected].Id, invocation.Registration);
        Assert.Equal(procedure, invocation.Details["procedure"]);
    }
}
