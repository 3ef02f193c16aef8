using System.Diagnostics;
using System.Globalization;
using LiveStack.Benchmarks.Client;

namespace LiveStack.Benchmarks.Scenarios;

/// <summary>
/// One publisher, <c>subscribers</c> subscribers of one topic, publishing as fast as the flow window
/// allows. Counts events delivered; latency is publish-to-delivery under that (saturating) load.
/// </summary>
internal sealed class FanOutScenario(int subscribers, int payloadSize) : Scenario
{
    private const string Topic = "bench.fanout";

    public override string Group => "fanout";

    public override string Name => string.Create(CultureInfo.InvariantCulture, $"fan-out 1→{subscribers} ({SizeLabel(payloadSize)})");

    public override async Task<Measurement> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        await using var load = new LoadSet(cancellationToken);
        var wire = context.Wire;
        var window = new FlowWindow(FlowWindow.DefaultSize, subscribers);
        var handshake = new ReceiveBuffer(4096);
        var receivers = new List<TimestampReceiver>();
        for (var i = 0; i < subscribers; i++)
        {
            var socket = await load.OpenSessionAsync(context, handshake).ConfigureAwait(false);
            await wire.SubscribeAsync(socket, Topic, handshake, load.Token).ConfigureAwait(false);
            receivers.Add(new TimestampReceiver(socket, wire, window));
        }

        var publisher = await load.OpenSessionAsync(context, handshake).ConfigureAwait(false);
        foreach (var receiver in receivers)
        {
            load.Run(receiver.RunAsync(load.Token));
        }

        load.Run(PublishAsync(publisher, wire.Publication(Topic, payloadSize), window, load.Token));
        return await MeasuredWindow.RunAsync(this, context, load, receivers, context.Profile.Measure).ConfigureAwait(false);
    }

    private static string SizeLabel(int bytes) => bytes >= 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} B");

    private static async Task PublishAsync(BenchSocket publisher, FrameTemplate publication, FlowWindow window, CancellationToken cancellationToken)
    {
        var frame = new byte[publication.MaxLength];
        while (!cancellationToken.IsCancellationRequested)
        {
            await window.WaitForRoomAsync(cancellationToken).ConfigureAwait(false);
            var length = publication.Write(frame, publisher, Stopwatch.GetTimestamp());
            window.Published();
            await publisher.SendAsync(frame.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
    }
}
