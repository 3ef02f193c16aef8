using System.Globalization;
using LiveStack.Benchmarks.Client;

namespace LiveStack.Benchmarks.Scenarios;

/// <summary>
/// <c>callers</c> sessions each keep one call in flight to one callee that echoes the payload.
/// Counts completed round trips (CALL → INVOCATION → YIELD → RESULT: four messages through the server).
/// </summary>
internal sealed class RpcScenario(int callers) : Scenario
{
    private const int PayloadSize = 64;

    public override string Group => "rpc";

    public override string Name => string.Create(CultureInfo.InvariantCulture, $"rpc {callers} caller{(callers == 1 ? string.Empty : "s")} → 1 callee");

    public override async Task<Measurement> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        await using var load = new LoadSet(cancellationToken);
        var wire = context.Wire;
        var handshake = new ReceiveBuffer(4096);
        var callee = await load.OpenSessionAsync(context, handshake).ConfigureAwait(false);
        await wire.RegisterAsync(callee, handshake, load.Token).ConfigureAwait(false);
        load.Run(new EchoCallee(callee, wire).RunAsync(load.Token));

        var probes = new List<ClosedLoopCaller>();
        for (var i = 0; i < callers; i++)
        {
            var socket = await load.OpenSessionAsync(context, handshake).ConfigureAwait(false);
            probes.Add(new ClosedLoopCaller(socket, wire, wire.Call(PayloadSize)));
        }

        foreach (var caller in probes)
        {
            load.Run(caller.RunAsync(load.Token));
        }

        return await MeasuredWindow.RunAsync(this, context, load, probes, context.Profile.Measure).ConfigureAwait(false);
    }
}
