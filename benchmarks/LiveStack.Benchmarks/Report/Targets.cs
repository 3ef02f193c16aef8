using LiveStack.Benchmarks.Scenarios;

namespace LiveStack.Benchmarks.Report;

/// <summary>The router's goals, checked against the measurements of one run.</summary>
internal static class Targets
{
    public const double FanOutShareOfRaw = 0.70;
    public const double RpcShareOfRaw = 0.60;
    public const double MaxKiBPerIdleSession = 16;
    public const double MaxP99Milliseconds = 0.75;

    /// <summary>One line per checked target: what, the case, LiveStack's figure, the requirement, and whether it was met.</summary>
    public static IEnumerable<(string Target, string Case, string Measured, string Required, bool Met)> Evaluate(IReadOnlyList<Measurement> results)
    {
        foreach (var scenario in results.Where(r => r.Error is null).Select(r => (r.Group, r.Scenario)).Distinct())
        {
            var liveStack = Find(results, scenario.Scenario, ServerKind.LiveStack);
            if (liveStack is null)
            {
                continue;
            }

            switch (scenario.Group)
            {
                case "fanout" or "rpc":
                    var share = scenario.Group == "fanout" ? FanOutShareOfRaw : RpcShareOfRaw;
                    if (Ratio(liveStack, Find(results, scenario.Scenario, ServerKind.Raw)) is { } ofRaw)
                    {
                        yield return ($"msg per server CPU-s ≥ {share:P0} of (b)", scenario.Scenario, $"{ofRaw:P0}", $"≥ {share:P0}", ofRaw >= share);
                    }

                    if (Ratio(liveStack, Find(results, scenario.Scenario, ServerKind.SignalR)) is { } ofSignalR)
                    {
                        yield return ("msg per server CPU-s above (c)", scenario.Scenario, $"{ofSignalR:0.00}×", "> 1.00×", ofSignalR > 1);
                    }

                    break;
                case "idle" when liveStack.RssKiBPerSession is { } kib:
                    yield return ("server memory per idle subscribed session", scenario.Scenario, $"{kib:0.0} KiB", $"≤ {MaxKiBPerIdleSession} KiB", kib <= MaxKiBPerIdleSession);
                    break;
                case "latency" when liveStack.P99Milliseconds is { } p99:
                    yield return ("p99 latency at a fixed rate", scenario.Scenario, $"{p99:0.00} ms", $"≤ {MaxP99Milliseconds} ms", p99 <= MaxP99Milliseconds);
                    break;
            }
        }
    }

    /// <summary>LiveStack's messages per server CPU-second over the other server's.</summary>
    public static double? Ratio(Measurement liveStack, Measurement? other) =>
        liveStack.PerCpuSecond is { } mine && other?.PerCpuSecond is { } theirs && theirs > 0 ? mine / theirs : null;

    public static Measurement? Find(IReadOnlyList<Measurement> results, string scenario, ServerKind kind) =>
        results.FirstOrDefault(r => r.Scenario == scenario && r.Server == kind && r.Error is null);
}
