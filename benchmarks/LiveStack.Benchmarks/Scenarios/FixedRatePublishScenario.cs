using System.Diagnostics;
using System.Globalization;
using LiveStack.Benchmarks.Client;

namespace LiveStack.Benchmarks.Scenarios;

/// <summary>Latency at a moderate, fixed load: <c>rate</c> publishes per second (64 B) to 10 subscribers.</summary>
internal sealed class FixedRatePublishScenario(int rate) : Scenario
{
    private const string Topic = "bench.rate";
    private const int Subscribers = 10;
    private const int PayloadSize = 64;

    public override string Group => "latency";

    public override string Name => string.Create(CultureInfo.InvariantCulture, $"latency: {rate} publishes/s → {Subscribers} subscribers");

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
        var receivers = new List<TimestampReceiver>();
        for (var i = 0; i < Subscribers; i++)
        {
            var socket = await load.OpenSessionAsync(context, handshake).ConfigureAwait(false);
            await wire.SubscribeAsync(socket, Topic, handshake, load.Token).ConfigureAwait(false);
            receivers.Add(new TimestampReceiver(socket, wire, window: null));
        }

        var publisher = await load.OpenSessionAsync(context, handshake).ConfigureAwait(false);
        foreach (var receiver in receivers)
        {
            load.Run(receiver.RunAsync(load.Token));
        }

        var publication = wire.Publication(Topic, PayloadSize);
        var frame = new byte[publication.MaxLength];
        load.Run(Pacer.RunAsync(rate, _ => publisher.Send(frame.AsMemory(0, publication.Write(frame, publisher, Stopwatch.GetTimestamp()))), load.Token));
        return await MeasuredWindow.RunAsync(this, context, load, receivers, context.Profile.RateMeasure).ConfigureAwait(false);
    }
}
