namespace LiveStack.Benchmarks.Scenarios;

/// <summary>How long and how big: the full run (under ~10 minutes on 2 cores) or a quick smoke run (~1 minute).</summary>
/// <param name="Name">Shown in the report.</param>
/// <param name="FirstWarmup">
/// Warm-up of the first case on a new server process: tiered compilation (with PGO) keeps
/// recompiling the hot path for several seconds, and a profile taken earlier shows the JIT's work.
/// </param>
/// <param name="Warmup">Warm-up of every later case on the same process.</param>
/// <param name="Measure">The measured window of a throughput case.</param>
/// <param name="RateMeasure">The measured window of a fixed-rate case (more samples for a stable p99).</param>
/// <param name="IdleSessions">The session counts of the idle cases.</param>
/// <param name="Rounds">
/// How often each load case runs per server, the servers taking turns; the best round counts.
/// Other work on a shared machine only ever makes a round worse, so the best one is the least disturbed.
/// </param>
internal sealed record Profile(string Name, TimeSpan FirstWarmup, TimeSpan Warmup, TimeSpan Measure, TimeSpan RateMeasure, IReadOnlyList<int> IdleSessions, int Rounds)
{
    public static readonly Profile Full = new("full", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(3), [10_000, 19_000], Rounds: 2);

    public static readonly Profile Quick = new("quick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1), [500, 1_000], Rounds: 1);
}
