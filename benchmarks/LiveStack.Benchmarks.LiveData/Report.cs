using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace LiveStack.Benchmarks.LiveData;

/// <summary>How a run was made, for the report's header.</summary>
internal sealed record RunInfo(Profile Profile, int Writers, int BusyTimeout, IReadOnlyList<string> Args, TimeSpan Elapsed, string LoadBefore, string LoadAfter, string JournalMode);

/// <summary>Renders a run as a Markdown section (between markers, so <c>--out</c> can replace it inside docs/benchmarks.md).</summary>
internal static class Report
{
    public const string Begin = "<!-- live-data benchmark: begin (benchmarks/LiveStack.Benchmarks.LiveData --out replaces this section) -->";
    public const string End = "<!-- live-data benchmark: end -->";

    /// <summary>Live CRUD with 100 subscribers must reach this share of plain EF Core's creates per second.</summary>
    public const double MinShareOfPlain = 0.50;

    /// <summary>The most p99 change-to-subscriber latency at half load may be, in ms.</summary>
    public const double MaxP99Milliseconds = 10;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Build(IReadOnlyList<ThroughputResult> results, LatencyResult? latency, RunInfo run)
    {
        var text = new StringBuilder();
        var command = "dotnet run -c Release --project benchmarks/LiveStack.Benchmarks.LiveData" + (run.Args.Count > 0 ? " -- " + string.Join(' ', run.Args) : string.Empty);
        var profile = run.Profile;
        text.AppendLine(Begin);
        text.AppendLine("## Live data: live CRUD and live queries").AppendLine();
        text.AppendLine(Invariant, $"`{command}` on {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}.");
        text.AppendLine(Invariant, $"Profile **{profile.Name}**: {profile.Warmup.TotalSeconds:0.#} s warm-up, then a {profile.Measure.TotalSeconds:0.#} s window per throughput case, {(profile.Rounds == 1 ? "one round" : $"best of {profile.Rounds} rounds with the cases taking turns")}; latency: {profile.LatencyWarmup.TotalSeconds:0.#} s of paced writes, then a {profile.LatencyMeasure.TotalSeconds:0.#} s window; the whole run took {run.Elapsed.TotalMinutes:0.0} min.");
        text.AppendLine(Invariant, $"The machine's load average was {run.LoadBefore} when the run started and {run.LoadAfter} when it ended.").AppendLine();
        text.AppendLine(Invariant, $"""
            Everything runs in one process, sharing the cores: a samples/Todo-like app (`AddDbContext` on a temp SQLite
            file with `Pooling=True`, `journal_mode={run.JournalMode}`, SQLite's default `synchronous`; `AddLiveData` exposing
            `TodoItem {"{"}id, title, done, sentAt{"}"}` as `todo_item`), the LiveStack router with its defaults, and the
            clients: .NET `WampSession`s, JSON over WebSocket on loopback, one connection each.
            SQLite: {BusyTimeout(run.BusyTimeout)}.

            - **(a) plain EF Core**: {run.Writers} concurrent loops, each creating a context, adding one row and calling
              `SaveChanges` (no live data: the interceptors are only on the app's DI-created contexts).
            - **(b) live CRUD**: {run.Writers} writer sessions, each calling `todo_item.create` `{"{"}title, sentAt{"}"}` in a closed loop,
              with 0, 10 or 100 subscriber sessions each holding `todo_item.live` `{"{"}orderBy: "-id", take: 50{"}"}` (identical
              queries share one evaluation; every create is one delta, added at index 0, to every subscriber). A create
              answers only after its events and deltas went out, so the subscribers' delivery is inside the figure.
            - **(c) latency**: creates paced at half of (b)'s rate with 100 subscribers, spread over the writer sessions;
              latency from the writer's send time (`sentAt` in the row) to the delta's arrival at each subscriber, so it
              includes the call, the insert and commit, and the fan-out. Only rows sent inside the window count.
            - **(ref) pub/sub**, not a target: the same writer sessions publish (acknowledged, so after the router's fan-out)
              an event shaped like one delta to 100 plain subscribers, without database or live query: the fan-out
              cost of these clients and this router alone. Its "creates/s" are publications per second.
            - *call p50 / p99*: one create's round trip at the writer ((a): one `SaveChanges`; (ref): one acknowledged publish).
            - *process CPU*: the process's CPU time over the window, as a share of all cores; *CPU ms / create*: that
              CPU time (app, router and clients together) per create.
            - Every case checks that each subscriber saw every version (no gaps) and caught up with the last one.

            """);

        var plain = results.FirstOrDefault(r => r.Kind == CaseKind.Plain && r.Problem is null);
        text.AppendLine("| Case | creates/s | ÷ (a) plain EF Core | deltas (events) delivered/s | call p50 ms | call p99 ms | process CPU | CPU ms / create |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var r in results.Where(r => r.Problem is null))
        {
            var share = r.Kind == CaseKind.Live && plain is not null ? $"{r.Rate / plain.Rate:P0}" : string.Empty;
            var cpuPerCreate = r.Rate > 0 ? r.CpuShare * Environment.ProcessorCount / r.Rate * 1000 : (double?)null;
            text.AppendLine(Invariant, $"| {Label(r)} | {r.Rate:N0} | {share} | {Number(r.DeltasPerSecond)} | {Ms(r.CallP50)} | {Ms(r.CallP99)} | {r.CpuShare:P0} | {Ms(cpuPerCreate)} |");
        }

        text.AppendLine();
        if (latency is { Problem: null })
        {
            text.AppendLine("| Case | creates/s (paced) | latency samples | p50 ms | p99 ms | p99.9 ms | max ms | call p50 ms | call p99 ms | process CPU |");
            text.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
            text.AppendLine(Invariant, $"| (c) change → {latency.Subscribers} subscribers | {latency.Rate:N0} | {latency.Samples:N0} | {Ms(latency.P50)} | {Ms(latency.P99)} | {Ms(latency.P999)} | {Ms(latency.Max)} | {Ms(latency.CallP50)} | {Ms(latency.CallP99)} | {latency.CpuShare:P0} |");
            text.AppendLine();
        }

        AppendTargets(text, results, plain, latency);
        var problems = results.Where(r => r.Problem is not null).Select(r => $"{Label(r)}: {r.Problem}")
            .Concat(latency?.Problem is { } p ? [$"(c) latency: {p}"] : [])
            .ToList();
        if (problems.Count > 0)
        {
            text.AppendLine("**Problems in this run:**").AppendLine();
            foreach (var problem in problems)
            {
                text.AppendLine(Invariant, $"- {problem}");
            }

            text.AppendLine();
        }

        text.AppendLine(End);
        return text.ToString();
    }

    /// <summary>One line for the console while the run goes on.</summary>
    public static string ProgressLine(ThroughputResult r) => r.Problem is { } problem
        ? $"{Label(r)}: FAILED {problem}"
        : string.Create(Invariant, $"{Label(r)}: {r.Rate:N0} creates/s, {Number(r.DeltasPerSecond)} deltas/s, call p50 {Ms(r.CallP50)} ms, p99 {Ms(r.CallP99)} ms, process CPU {r.CpuShare:P0}");

    public static string ProgressLine(LatencyResult r) => r.Problem is { } problem
        ? string.Create(Invariant, $"(c) latency at {r.Rate:N0} creates/s: FAILED {problem}")
        : string.Create(Invariant, $"(c) latency at {r.Rate:N0} creates/s → {r.Subscribers} subscribers: {r.Samples:N0} samples, p50 {Ms(r.P50)} ms, p99 {Ms(r.P99)} ms, p99.9 {Ms(r.P999)} ms, max {Ms(r.Max)} ms; call p50 {Ms(r.CallP50)} ms, p99 {Ms(r.CallP99)} ms; process CPU {r.CpuShare:P0}");

    /// <summary>Writes the section to <paramref name="path"/>: replacing the marked section of an existing file, appended to one without it, or as a new file.</summary>
    public static async Task WriteSectionAsync(string path, string section)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path).ConfigureAwait(false) : null;
        string text;
        if (existing is null)
        {
            text = section;
        }
        else if (existing.IndexOf(Begin, StringComparison.Ordinal) is >= 0 and var begin
            && existing.IndexOf(End, begin, StringComparison.Ordinal) is >= 0 and var end)
        {
            var after = end + End.Length;
            text = string.Concat(existing.AsSpan(0, begin), section.TrimEnd(), existing.AsSpan(after));
        }
        else
        {
            text = existing.TrimEnd() + Environment.NewLine + Environment.NewLine + section;
        }

        await File.WriteAllTextAsync(path, text).ConfigureAwait(false);
    }

    private static void AppendTargets(StringBuilder text, IReadOnlyList<ThroughputResult> results, ThroughputResult? plain, LatencyResult? latency)
    {
        var rows = new List<(string Target, string Measured, string Required, bool Met)>();
        if (plain is not null && results.FirstOrDefault(r => r.Kind == CaseKind.Live && r.Subscribers == LiveDataBenchmark.LatencySubscribers && r.Problem is null) is { } full)
        {
            var share = full.Rate / plain.Rate;
            rows.Add(("live CRUD creates/s with 100 subscribers, share of plain EF Core", $"{share:P0}", $"≥ {MinShareOfPlain:P0}", share >= MinShareOfPlain));
        }

        if (latency is { Problem: null, P99: { } p99 })
        {
            rows.Add(($"p99 change-to-subscriber at half load ({latency.Rate:N0} creates/s, 100 subscribers)", $"{p99:0.00} ms", $"≤ {MaxP99Milliseconds:0} ms", p99 <= MaxP99Milliseconds));
        }

        if (rows.Count == 0)
        {
            return;
        }

        text.AppendLine("| Target | Measured | Required | Result |");
        text.AppendLine("|---|--:|--:|---|");
        foreach (var (target, measured, required, met) in rows)
        {
            text.AppendLine(Invariant, $"| {target} | {measured} | {required} | {(met ? "met" : "**missed**")} |");
        }

        text.AppendLine();
    }

    private static string BusyTimeout(int milliseconds) => milliseconds > 0
        ? $"`PRAGMA busy_timeout={milliseconds}` on every connection of (a) and (b) alike; without it (`--busy-timeout 0`) Microsoft.Data.Sqlite retries a write that found the database locked only every 150 ms"
        : "no `busy_timeout` (Microsoft.Data.Sqlite's default: a write that finds the database locked is retried every 150 ms)";

    private static string Label(ThroughputResult r) => r.Kind switch
    {
        CaseKind.Plain => "(a) plain EF Core",
        CaseKind.Live => $"(b) live CRUD, {r.Subscribers} subscribers",
        _ => $"(ref) pub/sub, {r.Subscribers} subscribers",
    };

    private static string Ms(double? value) => value switch
    {
        null => "–",
        < 10 => value.Value.ToString("0.00", Invariant),
        < 100 => value.Value.ToString("0.0", Invariant),
        _ => value.Value.ToString("N0", Invariant),
    };

    private static string Number(double? value) => value is null ? "–" : value.Value.ToString("N0", Invariant);
}
