using System.Diagnostics;
using System.Globalization;
using LiveStack.Benchmarks.Client;

namespace LiveStack.Benchmarks.Scenarios;

/// <summary>
/// Opens <c>sessions</c> sessions, each subscribed to a topic of its own, then leaves them idle and
/// reads how much the server grew: RSS from /proc and the live GC heap, both after a full
/// collection. The client stops reading once a session is subscribed, so it holds no receive buffer.
/// </summary>
internal sealed class IdleScenario(int sessions) : Scenario
{
    // Enough connects in flight to keep both cores busy without overrunning the listen backlog.
    private const int Connectors = 32;

    public override string Group => "idle";

    public override string Name => string.Create(CultureInfo.InvariantCulture, $"idle {sessions} subscribed sessions");

    public override bool NeedsFreshServer => true;

    public override async Task<Measurement> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var sockets = new BenchSocket?[sessions];
        try
        {
            var before = await context.Server.SnapshotAsync(collectGarbage: true, cancellationToken).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, Connectors).Select(async _ =>
            {
                var buffer = new ReceiveBuffer(4096);
                for (var i = Interlocked.Increment(ref next); i < sessions; i = Interlocked.Increment(ref next))
                {
                    var socket = await context.OpenSessionAsync(buffer, cancellationToken).ConfigureAwait(false);
                    sockets[i] = socket;
                    await context.Wire.SubscribeAsync(socket, $"bench.idle.{i}", buffer, cancellationToken).ConfigureAwait(false);
                }
            })).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);

            // Let the server finish what the last joins started before it is weighed.
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            var after = await context.Server.SnapshotAsync(collectGarbage: true, cancellationToken).ConfigureAwait(false);
            return new Measurement(Group, Name, context.Server.Kind)
            {
                Messages = sessions,
                Seconds = elapsed.TotalSeconds,
                ServerCpuSeconds = after.CpuSeconds - before.CpuSeconds,
                ServerAllocatedBytes = after.AllocatedBytes - before.AllocatedBytes,
                RssGrowthBytes = after.RssBytes - before.RssBytes,
                HeapGrowthBytes = after.HeapBytes - before.HeapBytes,
            };
        }
        finally
        {
            // The server goes first: its side then holds the closed connections' TIME_WAIT, and the
            // 19,000 client ports are free again for the next server at once.
            await context.Server.KillAsync().ConfigureAwait(false);
            foreach (var socket in sockets)
            {
                socket?.Dispose();
            }
        }
    }
}
