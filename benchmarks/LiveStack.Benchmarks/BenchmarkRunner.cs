using System.Diagnostics;
using LiveStack.Benchmarks.Client;
using LiveStack.Benchmarks.Report;
using LiveStack.Benchmarks.Scenarios;

namespace LiveStack.Benchmarks;

/// <summary>
/// The load client: runs every selected case against each server in turn and reports. Servers are
/// started once per scenario group (and afresh for cases that weigh memory), so all three run under
/// the same conditions, one at a time, while the others sit idle.
/// </summary>
internal static class BenchmarkRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        BenchmarkOptions? options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(BenchmarkOptions.Usage).ConfigureAwait(false);
            return 2;
        }

        if (options is null)
        {
            Console.WriteLine(BenchmarkOptions.Usage);
            return 0;
        }

        var profile = options.Quick ? Profile.Quick : Profile.Full;
        var scenarios = ScenarioCatalog.Filter(ScenarioCatalog.All(profile), options.Scenario);
        if (scenarios.Count == 0)
        {
            await Console.Error.WriteLineAsync($"No scenario matches '{options.Scenario}'.").ConfigureAwait(false);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        var loadBefore = RunInfo.ReadLoadAverage();
        var clock = Stopwatch.StartNew();
        var results = new List<Measurement>();
        foreach (var group in scenarios.GroupBy(s => s.Group))
        {
            await RunGroupAsync([.. group], options.Servers, profile, results, stop.Token).ConfigureAwait(false);
        }

        var report = MarkdownReport.Build(results, new RunInfo(profile, options.Servers, args, clock.Elapsed, loadBefore, RunInfo.ReadLoadAverage()));
        Console.WriteLine(report);
        if (options.Out is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, report, CancellationToken.None).ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"Report written to {path}").ConfigureAwait(false);
        }

        return results.Any(r => r.Error is not null) ? 1 : 0;
    }

    private static async Task RunGroupAsync(
        IReadOnlyList<Scenario> scenarios, IReadOnlyList<ServerKind> kinds, Profile profile, List<Measurement> results, CancellationToken cancellationToken)
    {
        var shared = new Dictionary<ServerKind, ServerProcess>();
        try
        {
            foreach (var scenario in scenarios)
            {
                var best = new Dictionary<ServerKind, Measurement>();
                var rounds = scenario.NeedsFreshServer ? 1 : profile.Rounds;
                for (var round = 1; round <= rounds; round++)
                {
                    foreach (var kind in kinds)
                    {
                        var measurement = await RunCaseAsync(scenario, kind, profile, shared, cancellationToken).ConfigureAwait(false);
                        var prefix = rounds > 1 ? $"round {round}/{rounds} " : string.Empty;
                        await Console.Error.WriteLineAsync(prefix + MarkdownReport.ProgressLine(measurement)).ConfigureAwait(false);
                        best[kind] = best.TryGetValue(kind, out var earlier) ? scenario.Better(earlier, measurement) : measurement;
                    }
                }

                results.AddRange(kinds.Select(k => best[k]));
            }
        }
        finally
        {
            foreach (var server in shared.Values)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs one case on one server, on the group's shared server process or a fresh one.</summary>
    private static async Task<Measurement> RunCaseAsync(
        Scenario scenario, ServerKind kind, Profile profile, Dictionary<ServerKind, ServerProcess> shared, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ServerProcess? fresh = null;
        try
        {
            ServerProcess server;
            if (scenario.NeedsFreshServer)
            {
                server = fresh = await ServerProcess.StartAsync(kind, cancellationToken).ConfigureAwait(false);
            }
            else if (!shared.TryGetValue(kind, out server!) || server.HasExited)
            {
                server = shared[kind] = await ServerProcess.StartAsync(kind, cancellationToken).ConfigureAwait(false);
            }

            return await scenario.RunAsync(new ScenarioContext(server, profile), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One broken case must not cost the rest of the run; the report shows the cause.
            return new Measurement(scenario.Group, scenario.Name, kind) { Error = $"{e.GetType().Name}: {e.Message}" };
        }
        finally
        {
            if (fresh is not null)
            {
                await fresh.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
