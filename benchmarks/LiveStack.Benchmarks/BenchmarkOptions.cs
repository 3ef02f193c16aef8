namespace LiveStack.Benchmarks;

/// <summary>The load client's command line.</summary>
internal sealed record BenchmarkOptions(bool Quick, string? Scenario, IReadOnlyList<ServerKind> Servers, string? Out)
{
    public const string Usage = """
        Usage: LiveStack.Benchmarks [options]
               LiveStack.Benchmarks server --kind livestack|raw|signalr --port N

        Measures (a) the LiveStack router, (b) a raw WebSocket relay and (c) a SignalR hub, each in its
        own process, with the same load client, and prints a Markdown report.

        Options:
          --quick              Short windows and small counts: a smoke run of about a minute
          --scenario <list>    Only cases whose group or name contains one of these (comma-separated):
                               fanout, rpc, joinleave, latency, idle, or part of a name, e.g. "1→10 (64"
          --servers <list>     Only these servers (comma-separated): livestack, raw, signalr
          --out <path>         Also write the report to this file
          -h, --help           Show this help
        """;

    /// <summary>Parses the arguments; null when help was asked for. Throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static BenchmarkOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions(false, null, ServerKinds.All, null);
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
                case "--servers":
                    options = options with { Servers = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ServerKinds.Parse).Distinct()] };
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
}
