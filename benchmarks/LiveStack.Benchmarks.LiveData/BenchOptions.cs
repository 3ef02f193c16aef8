using System.Globalization;

namespace LiveStack.Benchmarks.LiveData;

/// <summary>The command line.</summary>
internal sealed record BenchOptions(bool Quick, string? Scenario, int Writers, int BusyTimeout, string? Out)
{
    public const string Usage = """
        Usage: LiveStack.Benchmarks.LiveData [options]

        In one process, a samples/Todo-like app (EF Core on a temp SQLite file, WAL) measures:
          (a) plain EF Core inserts, one SaveChanges per row, from C concurrent writers (the baseline);
          (b) todo_item.create called by C WampSession clients over WebSocket, with 0, 10 and 100
              subscribers each holding the same live query (todo_item.live, orderBy -id, take 50);
          (c) change-to-subscriber latency at half of (b)'s throughput with 100 subscribers.
        (a) and (b) take turns in each round; the report gives (b) ÷ (a) and checks the targets.

        Options:
          --quick              Short windows, one round: a smoke run of under a minute
          --scenario <list>    Only these groups (comma-separated): baseline, live, latency, reference
                               (latency also runs "live, 100 subscribers" for its rate; reference is
                               a pub/sub fan-out of the same payload to 100 plain subscribers)
          --writers <C>        Concurrent writers in (a) and (b) (default 4)
          --busy-timeout <ms>  SQLite busy_timeout on every connection, (a) and (b) alike (default 5000;
                               0 keeps Microsoft.Data.Sqlite's default: retry every 150 ms)
          --out <path>         Also write the report to this file (replacing its live-data
                               section if it has one, else appended)
          -h, --help           Show this help
        """;

    /// <summary>Parses the arguments; null when help was asked for. Throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(false, null, 4, 5000, null);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "-h" or "--help":
                    return null;
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--scenario":
                    options = options with { Scenario = Value() };
                    break;
                case "--writers":
                    var writers = int.Parse(Value(), CultureInfo.InvariantCulture);
                    options = writers is >= 1 and <= 256 ? options with { Writers = writers } : throw new ArgumentException("--writers must be 1 to 256.");
                    break;
                case "--busy-timeout":
                    var busy = int.Parse(Value(), CultureInfo.InvariantCulture);
                    options = busy >= 0 ? options with { BusyTimeout = busy } : throw new ArgumentException("--busy-timeout must not be negative.");
                    break;
                case "--out":
                    options = options with { Out = Value() };
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{name}'.");
            }
        }

        return options;
    }

    /// <summary>Whether the group (baseline, live, latency) was selected.</summary>
    public bool Runs(string group) =>
        Scenario is null || Scenario.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(group, StringComparer.OrdinalIgnoreCase);
}

/// <summary>How long: the full run (about 2 minutes on 2 cores) or a quick smoke run (under a minute).</summary>
/// <param name="Name">Shown in the report.</param>
/// <param name="Warmup">Before each throughput window (JIT, SQLite cache, connection pool).</param>
/// <param name="Measure">A throughput window.</param>
/// <param name="Rounds">Rounds of the throughput cases, taking turns; the best round of each counts.</param>
/// <param name="LatencyWarmup">Paced writes before the latency window.</param>
/// <param name="LatencyMeasure">The latency window: only rows sent in it count.</param>
internal sealed record Profile(string Name, TimeSpan Warmup, TimeSpan Measure, int Rounds, TimeSpan LatencyWarmup, TimeSpan LatencyMeasure)
{
    public static readonly Profile Full = new("full", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), Rounds: 3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));

    public static readonly Profile Quick = new("quick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), Rounds: 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
}
