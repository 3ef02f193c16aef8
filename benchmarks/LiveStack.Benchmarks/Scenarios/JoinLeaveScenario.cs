using System.Diagnostics;
using System.Globalization;
using LiveStack.Benchmarks.Client;

namespace LiveStack.Benchmarks.Scenarios;

/// <summary>
/// Sessions opened and closed back to back by a few workers: TCP connect, WebSocket upgrade, join
/// (HELLO/WELCOME or the SignalR handshake), polite leave (GOODBYE or close) and the closing handshake.
/// Latency is one whole cycle.
/// </summary>
internal sealed class JoinLeaveScenario(int workers) : Scenario
{
    public override string Group => "joinleave";

    public override string Name => string.Create(CultureInfo.InvariantCulture, $"join+leave ({workers} in parallel)");

    public override async Task<Measurement> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        await using var load = new LoadSet(cancellationToken);
        var probes = Enumerable.Range(0, workers).Select(_ => new Worker(context)).ToList();
        foreach (var worker in probes)
        {
            load.Run(worker.RunAsync(load.Token));
        }

        return await MeasuredWindow.RunAsync(this, context, load, probes, context.Profile.Measure).ConfigureAwait(false);
    }

    private sealed class Worker(ScenarioContext context) : LoadProbe
    {
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var buffer = new ReceiveBuffer(4096);
            while (!cancellationToken.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                using var socket = await context.OpenSessionAsync(buffer, cancellationToken).ConfigureAwait(false);
                await context.Wire.LeaveAsync(socket, buffer, cancellationToken).ConfigureAwait(false);
                Completed(started, Stopwatch.GetTimestamp());
            }
        }
    }
}
