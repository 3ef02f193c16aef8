using System.Diagnostics;
using LiveStack.Benchmarks.Client;

namespace LiveStack.Benchmarks.Scenarios;

/// <summary>
/// Lets a running load warm up, then measures one window: what the probes completed, the server's
/// CPU time and allocations over the same span, and the latencies recorded in it.
/// </summary>
internal static class MeasuredWindow
{
    public static async Task<Measurement> RunAsync(
        Scenario scenario, ScenarioContext context, LoadSet load, IReadOnlyList<LoadProbe> probes, TimeSpan measure)
    {
        var cancellationToken = load.Token;
        await Task.Delay(context.Server.IsWarm ? context.Profile.Warmup : context.Profile.FirstWarmup, cancellationToken).ConfigureAwait(false);
        context.Server.IsWarm = true;
        load.ThrowIfFaulted();
        var before = await context.Server.SnapshotAsync(collectGarbage: false, cancellationToken).ConfigureAwait(false);
        var startCount = probes.Sum(p => p.Count);
        var clientCpu = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        SetRecording(probes, true);

        await Task.Delay(measure, cancellationToken).ConfigureAwait(false);

        var endCount = probes.Sum(p => p.Count);
        var elapsed = Stopwatch.GetElapsedTime(started);
        clientCpu = Environment.CpuUsage.TotalTime - clientCpu;
        SetRecording(probes, false);
        var after = await context.Server.SnapshotAsync(collectGarbage: false, cancellationToken).ConfigureAwait(false);
        load.ThrowIfFaulted();

        var latency = new LatencyHistogram();
        foreach (var probe in probes)
        {
            latency.Add(probe.Latency);
        }

        var messages = endCount - startCount;
        if (messages == 0)
        {
            throw new InvalidOperationException("Nothing completed in the measured window.");
        }

        return new Measurement(scenario.Group, scenario.Name, context.Server.Kind)
        {
            Messages = messages,
            Seconds = elapsed.TotalSeconds,
            ServerCpuSeconds = after.CpuSeconds - before.CpuSeconds,
            ClientCpuSeconds = clientCpu.TotalSeconds,
            ServerAllocatedBytes = after.AllocatedBytes - before.AllocatedBytes,
            P50Milliseconds = latency.Milliseconds(50),
            P99Milliseconds = latency.Milliseconds(99),
        };
    }

    private static void SetRecording(IReadOnlyList<LoadProbe> probes, bool recording)
    {
        foreach (var probe in probes)
        {
            probe.Recording = recording;
        }
    }
}
