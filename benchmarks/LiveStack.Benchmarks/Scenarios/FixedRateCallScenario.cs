using System.Diagnostics;
using System.Globalization;
using LiveStack.Benchmarks.Client;

namespace LiveStack.Benchmarks.Scenarios;

/// <summary>
/// Latency at a moderate, fixed load: <c>rate</c> calls per second, open loop (sent on schedule
/// whether or not earlier calls returned), spread over 4 callers, to one echoing callee.
/// </summary>
internal sealed class FixedRateCallScenario(int rate) : Scenario
{
    private const int Callers = 4;
    private const int PayloadSize = 64;

    public override string Group => "latency";

    public override string Name => string.Create(CultureInfo.InvariantCulture, $"latency: {rate} calls/s ({Callers} callers → 1 callee)");

    /// <summary>At a fixed rate the question is latency: the round with the lower p99 counts.</summary>
    public override Measurement Better(Measurement first, Measurement second) =>
        first.Error is not null ? second
        : second.Error is not null ? first
        : (second.P99Milliseconds ?? double.MaxValue) < (first.P99Milliseconds ?? double.MaxValue) ? second : first;

    public override async Task<Measurement> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        await using var load = new LoadSet(cancellationToken);
        var wire = context.Wire;
        var handshake = new ReceiveBuffer(4096);
        var callee = await load.OpenSessionAsync(context, handshake).ConfigureAwait(false);
        await wire.RegisterAsync(callee, handshake, load.Token).ConfigureAwait(false);
        load.Run(new EchoCallee(callee, wire).RunAsync(load.Token));

        var callers = new List<BenchSocket>();
        var receivers = new List<TimestampReceiver>();
        for (var i = 0; i < Callers; i++)
        {
            var socket = await load.OpenSessionAsync(context, handshake).ConfigureAwait(false);
            callers.Add(socket);
            receivers.Add(new TimestampReceiver(socket, wire, window: null));
        }

        foreach (var receiver in receivers)
        {
            load.Run(receiver.RunAsync(load.Token));
        }

        var call = wire.Call(PayloadSize);
        var frame = new byte[call.MaxLength];
        load.Run(Pacer.RunAsync(rate, n =>
        {
            var caller = callers[(int)(n % Callers)];
            caller.Send(frame.AsMemory(0, call.Write(frame, caller, Stopwatch.GetTimestamp())));
        }, load.Token));
        return await MeasuredWindow.RunAsync(this, context, load, receivers, context.Profile.RateMeasure).ConfigureAwait(false);
    }
}
