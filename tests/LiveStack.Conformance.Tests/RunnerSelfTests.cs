using LiveStack.Conformance.Running;
using LiveStack.Conformance.Scripts;
using LiveStack.Testing;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Conformance.Tests;

/// <summary>
/// The runner itself: a conformance runner that cannot fail proves nothing, so these scripts are
/// wrong on purpose and must be reported as failures that say what differed.
/// </summary>
public sealed class RunnerSelfTests(RouterFixture router) : IClassFixture<RouterFixture>
{
    private const string TwoSessions = """
        "sessions": [ { "session_id": "sub", "roles": ["subscriber"] }, { "session_id": "pub", "roles": ["publisher"] } ],
        """;

    [Fact]
    public async Task WrongExpectationFailsWithTheStepAndADiff()
    {
        var result = await RunAsync($$"""
            { {{TwoSessions}} "sequence": [
              { "from": "sub", "to": "router", "message": [32, 1, {}, "com.example.selftest.diff"] },
              { "from": "router", "to": "sub", "message": [33, 1, "$sub"] },
              { "from": "pub", "to": "router", "message": [16, 1, {}, "com.example.selftest.diff", ["hello"]] },
              { "description": "the wrong payload", "from": "router", "to": "sub", "message": [36, "$sub", "$any", {}, ["goodbye"]] }
            ] }
            """);

        Assert.Equal(ScriptOutcome.Failed, result.Outcome);
        Assert.Contains("step 4 (router → sub): the wrong payload", result.Failure);
        Assert.Contains("""[4][0]: expected "goodbye", received "hello" """.TrimEnd(), result.Failure);
        Assert.Contains("where $sub = ", result.Failure);
        Assert.Contains("sub ← [36,", result.Report());
    }

    [Fact]
    public async Task PlaceholderBoundEarlierMustMatchLater()
    {
        var result = await RunAsync("""
            { "sessions": [ { "session_id": "sub", "roles": ["subscriber"] } ], "sequence": [
              { "from": "sub", "to": "router", "message": [32, 1, {}, "com.example.selftest.one"] },
              { "from": "router", "to": "sub", "message": [33, 1, "$sub"] },
              { "from": "sub", "to": "router", "message": [32, 2, {}, "com.example.selftest.two"] },
              { "from": "router", "to": "sub", "message": [33, 2, "$sub"] }
            ] }
            """);

        Assert.Equal(ScriptOutcome.Failed, result.Outcome);
        Assert.Contains("step 4", result.Failure);
        Assert.Contains("[2]: expected $sub = ", result.Failure);
    }

    [Fact]
    public async Task MessageWhenNothingIsExpectedFails()
    {
        var result = await RunAsync($$"""
            { {{TwoSessions}} "sequence": [
              { "from": "sub", "to": "router", "message": [32, 1, {}, "com.example.selftest.quiet"] },
              { "from": "router", "to": "sub", "message": [33, 1, "$sub"] },
              { "from": "pub", "to": "router", "message": [16, 1, {}, "com.example.selftest.quiet", [1]] },
              { "from": "router", "to": "sub", "nothing_within_ms": 1000 }
            ] }
            """);

        Assert.Equal(ScriptOutcome.Failed, result.Outcome);
        Assert.Contains("expected nothing within 1000 ms", result.Failure);
        Assert.Contains("received: [36,", result.Failure);
    }

    [Fact]
    public async Task UnorderedSetReportsTheFrameThatMatchesNothing()
    {
        var result = await RunAsync("""
            { "sessions": [ { "session_id": "both", "roles": ["publisher", "subscriber"] } ], "sequence": [
              { "from": "both", "to": "router", "message": [32, 1, {}, "com.example.selftest.set"] },
              { "from": "router", "to": "both", "message": [33, 1, "$sub"] },
              { "from": "both", "to": "router", "message": [16, 2, { "exclude_me": false, "acknowledge": true }, "com.example.selftest.set", ["y"]] },
              { "from": "router", "to": "both", "unordered": [[17, 2, "$pub"], [36, "$sub", "$pub", {}, ["x"]]] }
            ] }
            """);

        Assert.Equal(ScriptOutcome.Failed, result.Outcome);
        Assert.Contains("expected, in any order:", result.Failure);
        Assert.Contains("expected frame #2 matches none received; closest differences:", result.Failure);
        Assert.Contains("""[4][0]: expected "x", received "y" """.TrimEnd(), result.Failure);
    }

    [Fact]
    public async Task LeftoverMessageAfterTheLastStepFailsTheScript()
    {
        // The pause before the last step leaves the unexpected EVENT ample time to arrive.
        var result = await RunAsync($$"""
            { {{TwoSessions}} "sequence": [
              { "from": "sub", "to": "router", "message": [32, 1, {}, "com.example.selftest.extra"] },
              { "from": "router", "to": "sub", "message": [33, 1, "$sub"] },
              { "from": "pub", "to": "router", "message": [16, 1, { "acknowledge": true }, "com.example.selftest.extra"] },
              { "from": "router", "to": "pub", "message": [17, 1, "$any"], "timing": { "delay_ms": 200 } }
            ] }
            """);

        Assert.Equal(ScriptOutcome.Failed, result.Outcome);
        Assert.Contains("after the last step, sub received a message no step expected: [36,", result.Failure);
    }

    [Fact]
    public async Task ExpectingACloseFailsWhileTheConnectionStaysOpen()
    {
        var result = await RunAsync("""
            { "sessions": [ { "session_id": "client" } ], "sequence": [
              { "from": "client", "to": "router", "message": [32, 1, {}, "com.example.selftest.open"] },
              { "from": "router", "to": "client", "message": [33, 1, "$any"], "closed": true, "timing": { "timeout_ms": 300 } }
            ] }
            """);

        Assert.Equal(ScriptOutcome.Failed, result.Outcome);
        Assert.Contains("expected the connection to close, but it was still open after 300 ms", result.Failure);
    }

    [Fact]
    public async Task UnreachableRouterIsAFailureNotAnException()
    {
        var script = ScriptLoader.Parse("selftest", """
            { "sessions": [ { "session_id": "client" } ], "sequence": [ { "from": "router", "to": "client", "nothing_within_ms": 1 } ] }
            """);
        var result = await ScriptRunner.RunAsync(script, new RunSettings { RouterUrl = new Uri($"ws://127.0.0.1:{RouterHost.FreePort()}/ws") });

        Assert.Equal(ScriptOutcome.Failed, result.Outcome);
        Assert.Contains("could not open a WebSocket (wamp.2.json)", result.Failure);
    }

    [Fact]
    public async Task ScriptForOtherSerializersIsSkipped()
    {
        var result = await RunAsync("""
            { "serializers": ["json"], "sessions": [ { "session_id": "client" } ], "sequence": [ { "from": "router", "to": "client", "nothing_within_ms": 1 } ] }
            """, WampSerializer.Cbor);

        Assert.Equal(ScriptOutcome.Skipped, result.Outcome);
    }

    [Theory]
    [InlineData("""{ "sessions": [], "sequence": [] }""", "at least one session")]
    [InlineData("""{ "sessions": [ { "session_id": "a" } ], "sequence": [ { "from": "a", "to": "b", "message": [1] } ] }""", "step 1: one of from/to must be \"router\"")]
    [InlineData("""{ "sessions": [ { "session_id": "a" } ], "sequence": [ { "from": "a", "to": "router", "mesage": [1] } ] }""", "unknown key \"mesage\"")]
    [InlineData("""{ "sessions": [ { "session_id": "a" } ], "sequence": [ { "from": "router", "to": "a", "message": ["$...", 1] } ] }""", "$... may only be the last element")]
    [InlineData("""{ "sessions": [ { "session_id": "a" } ], "sequence": [ { "from": "router", "to": "a", "message": [1, "$absent"] } ] }""", "$absent may only be a dictionary value")]
    [InlineData("""{ "sessions": [ { "session_id": "a" } ], "sequence": [ { "from": "router", "to": "a", "message": [1], "nothing_within_ms": 5 } ] }""", "use exactly one of")]
    [InlineData("""{ "sessions": [ { "session_id": "a" } ], "sequence": [ { "from": "a", "to": "router", "message": [1], "closed": true } ] }""", "\"closed\" does not fit a step from a session")]
    [InlineData("""{ "sessions": [ { "session_id": "a", "join": "yes" } ], "sequence": [ { "from": "a", "to": "router", "action": "join" } ] }""", "wrong type")]
    public void LoaderExplainsMalformedScripts(string json, string expected)
    {
        var error = Assert.Throws<ScriptFormatException>(() => ScriptLoader.Parse("broken", json));
        Assert.StartsWith("broken: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryShippedScriptLoadsAndHasADescription()
    {
        Assert.True(ScriptCatalog.Names.Count() >= 60);
        Assert.All(ScriptCatalog.Names, name => Assert.NotEqual(name, ScriptCatalog.Get(name).Description));
    }

    private Task<ScriptResult> RunAsync(string json, WampSerializer serializer = WampSerializer.Json) =>
        ScriptRunner.RunAsync(ScriptLoader.Parse("selftest", json), router.Settings(serializer));
}
