using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using LiveStack.Benchmarks.Scenarios;

namespace LiveStack.Benchmarks.Report;

/// <summary>Renders a run as Markdown: how it was measured, two tables and the targets.</summary>
internal static class MarkdownReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Build(IReadOnlyList<Measurement> results, RunInfo run)
    {
        var (profile, servers, args, elapsed) = (run.Profile, run.Servers, run.Args, run.Elapsed);
        var text = new StringBuilder();
        var command = "dotnet run -c Release --project benchmarks/LiveStack.Benchmarks" + (args.Count > 0 ? " -- " + string.Join(' ', args) : string.Empty);
        text.AppendLine("# LiveStack benchmarks").AppendLine();
        text.AppendLine(Invariant, $"`{command}` on {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}.");
        text.AppendLine(Invariant, $"Profile **{profile.Name}**: {profile.Warmup.TotalSeconds:0.#} s warm-up ({profile.FirstWarmup.TotalSeconds:0.#} s for a server's first case), then a {profile.Measure.TotalSeconds:0.#} s window per case ({profile.RateMeasure.TotalSeconds:0.#} s at a fixed rate), {(profile.Rounds == 1 ? "one round" : $"best of {profile.Rounds} rounds with the servers taking turns (most msg / server CPU-s; lowest p99 at a fixed rate)")}; the whole run took {elapsed.TotalMinutes:0.0} min.");
        text.AppendLine(Invariant, $"The machine's load average was {run.LoadBefore} when the run started and {run.LoadAfter} when it ended (2 cores: above 2, other work competed for them).").AppendLine();
        text.AppendLine("""
            Servers, each in its own process, driven one at a time by the same load client:
            **(a)** the LiveStack router with its defaults (WAMP JSON over WebSocket, `/ws`, realm1);
            **(b)** a raw Kestrel WebSocket relay that forwards the same WAMP-shaped frames without decoding them (the ceiling);
            **(c)** an ASP.NET Core SignalR hub (JSON protocol; group broadcast; calls relayed to the callee with client results).
            The client speaks raw frames over a lean WebSocket (hand-written upgrade, precomputed frames, one search for the payload's timestamp) to all three.

            - *msg*: an event delivered to a subscriber, a call answered (4 messages through the server), a session joined and left, or (idle) a session opened.
            - *msg / server CPU-s*: messages over the server process's user+system CPU time (`/proc/<pid>/stat`) in the same window: the fairest figure on a shared 2-core machine.
            - *alloc B / msg*: `GC.GetTotalAllocatedBytes` growth in the server over the window, per message.
            - Latency: from the send time in the payload to its arrival at the client. Fan-out keeps at most 64 publications in flight, so its latency is under saturation; the fixed-rate cases show latency at moderate load.
            - Idle: growth of the server's RSS (`VmRSS`) and live GC heap after a full, aggressive GC, per session; each session subscribes to a topic of its own. Per-process growth (thread stacks, JIT, pools) only amortizes over 10,000+ sessions, so the quick profile's idle figures are a smoke test.
            - Ratios: LiveStack's *msg / server CPU-s* over (b)'s and (c)'s (idle: LiveStack's RSS per session over theirs).
            """);
        text.AppendLine();
        AppendThroughput(text, results, servers);
        AppendIdle(text, results, servers);
        AppendTargets(text, results);
        AppendFailures(text, results);
        return text.ToString();
    }

    /// <summary>One line for the console while the run goes on.</summary>
    public static string ProgressLine(Measurement m) => m.Error is { } error
        ? $"{m.Server.Label(),-15} {m.Scenario}: FAILED {error}"
        : m.RssGrowthBytes is null
            ? string.Create(Invariant, $"{m.Server.Label(),-15} {m.Scenario}: {m.Rate:N0} msg/s, p50 {Ms(m.P50Milliseconds)} ms, p99 {Ms(m.P99Milliseconds)} ms, server CPU {m.CpuShare:P0}, client CPU {m.ClientCpuSeconds / m.Seconds:P0}, {Number(m.PerCpuSecond)} msg/CPU-s, {Number(m.AllocatedPerMessage)} B/msg")
            : string.Create(Invariant, $"{m.Server.Label(),-15} {m.Scenario}: {m.RssKiBPerSession:0.0} KiB RSS and {m.HeapKiBPerSession:0.0} KiB heap per session, {m.Rate:N0} sessions/s");

    private static void AppendThroughput(StringBuilder text, IReadOnlyList<Measurement> results, IReadOnlyList<ServerKind> servers)
    {
        var rows = results.Where(r => r.Error is null && r.RssGrowthBytes is null).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        text.AppendLine("## Throughput and latency").AppendLine();
        text.AppendLine("| Scenario | Server | msg/s | p50 ms | p99 ms | server CPU | msg / server CPU-s | alloc B / msg | LiveStack ÷ (b) | LiveStack ÷ (c) |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var scenario in rows.Select(r => r.Scenario).Distinct())
        {
            foreach (var kind in servers)
            {
                if (Targets.Find(results, scenario, kind) is not { } m)
                {
                    continue;
                }

                var (ofRaw, ofSignalR) = kind == ServerKind.LiveStack
                    ? (Ratio(Targets.Ratio(m, Targets.Find(results, scenario, ServerKind.Raw))), Ratio(Targets.Ratio(m, Targets.Find(results, scenario, ServerKind.SignalR))))
                    : (string.Empty, string.Empty);
                text.AppendLine(Invariant, $"| {(kind == servers[0] ? scenario : string.Empty)} | {kind.Label()} | {m.Rate:N0} | {Ms(m.P50Milliseconds)} | {Ms(m.P99Milliseconds)} | {m.CpuShare:P0} | {Number(m.PerCpuSecond)} | {Number(m.AllocatedPerMessage)} | {ofRaw} | {ofSignalR} |");
            }
        }

        text.AppendLine();
    }

    private static void AppendIdle(StringBuilder text, IReadOnlyList<Measurement> results, IReadOnlyList<ServerKind> servers)
    {
        var rows = results.Where(r => r.Error is null && r.RssGrowthBytes is not null).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        text.AppendLine("## Idle sessions").AppendLine();
        text.AppendLine("| Scenario | Server | sessions opened/s | RSS KiB / session | GC heap KiB / session | alloc B / session | LiveStack ÷ (b) | LiveStack ÷ (c) |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|");
        foreach (var scenario in rows.Select(r => r.Scenario).Distinct())
        {
            foreach (var kind in servers)
            {
                if (Targets.Find(results, scenario, kind) is not { } m)
                {
                    continue;
                }

                var (ofRaw, ofSignalR) = kind == ServerKind.LiveStack
                    ? (Ratio(MemoryRatio(m, Targets.Find(results, scenario, ServerKind.Raw))), Ratio(MemoryRatio(m, Targets.Find(results, scenario, ServerKind.SignalR))))
                    : (string.Empty, string.Empty);
                text.AppendLine(Invariant, $"| {(kind == servers[0] ? scenario : string.Empty)} | {kind.Label()} | {m.Rate:N0} | {m.RssKiBPerSession:0.0} | {m.HeapKiBPerSession:0.0} | {Number(m.AllocatedPerMessage)} | {ofRaw} | {ofSignalR} |");
            }
        }

        text.AppendLine();
    }

    private static void AppendTargets(StringBuilder text, IReadOnlyList<Measurement> results)
    {
        var targets = Targets.Evaluate(results).ToList();
        if (targets.Count == 0)
        {
            return;
        }

        text.AppendLine("## Targets").AppendLine();
        text.AppendLine("| Target | Case | LiveStack | Required | Result |");
        text.AppendLine("|---|---|--:|--:|---|");
        foreach (var (target, scenario, measured, required, met) in targets)
        {
            text.AppendLine(Invariant, $"| {target} | {scenario} | {measured} | {required} | {(met ? "met" : "**missed**")} |");
        }

        text.AppendLine();
    }

    private static void AppendFailures(StringBuilder text, IReadOnlyList<Measurement> results)
    {
        var failures = results.Where(r => r.Error is not null).ToList();
        if (failures.Count == 0)
        {
            return;
        }

        text.AppendLine("## Failed cases").AppendLine();
        foreach (var failure in failures)
        {
            text.AppendLine(Invariant, $"- {failure.Scenario}, {failure.Server.Label()}: {failure.Error}");
        }

        text.AppendLine();
    }

    private static double? MemoryRatio(Measurement liveStack, Measurement? other) =>
        liveStack.RssKiBPerSession is { } mine && other?.RssKiBPerSession is { } theirs && theirs > 0 ? mine / theirs : null;

    private static string Ms(double? milliseconds) => milliseconds is { } ms ? ms.ToString(ms < 10 ? "0.00" : "0.0", Invariant) : "–";

    private static string Number(double? value) => value is { } v ? v.ToString("N0", Invariant) : "–";

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.00", Invariant) : "–";
}
