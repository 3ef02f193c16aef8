using LiveStack.Wamp.Messages;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>
/// A publisher and its subscribers exchanging numbered events while the attack runs. At most
/// <see cref="Window"/> events are in flight, so no queue can overflow and every subscriber must
/// get every event, in order, intact.
/// </summary>
internal sealed class WellBehavedPubSub(FuzzWire publisher, IReadOnlyList<(FuzzWire Wire, long Subscription)> subscribers, string topic)
{
    public const string SecuredTopic = "com.good.events";
    public const string OpenTopic = "com.good.open.events";
    private const int Window = 8;

    public IEnumerable<FuzzWire> Wires => [publisher, .. subscribers.Select(s => s.Wire)];

    /// <summary>How many events were published (and received by every subscriber).</summary>
    public long Published { get; private set; }

    public static async Task<WellBehavedPubSub> StartAsync(FuzzWire publisher, IEnumerable<FuzzWire> subscribers, string topic)
    {
        var subscribed = new List<(FuzzWire, long)>();
        foreach (var wire in subscribers)
        {
            await wire.SendAsync(new SubscribeMessage(wire.NextRequest(), new Dictionary<string, object?>(), topic));
            subscribed.Add((wire, (await wire.ReceiveAsync<SubscribedMessage>()).Subscription));
        }

        return new WellBehavedPubSub(publisher, subscribed, topic);
    }

    /// <summary>Text with characters each serializer must carry unchanged.</summary>
    public static string Text(long sequence) => $"event {sequence}: ünïcödé ✓ 🦀";

    /// <summary>Publishes until <paramref name="stop"/> fires (and at least <paramref name="minimum"/> events), checking every delivery.</summary>
    public async Task RunAsync(int minimum, CancellationToken stop)
    {
        var acknowledge = new Dictionary<string, object?> { ["acknowledge"] = true };
        while (!stop.IsCancellationRequested || Published < minimum)
        {
            var first = Published + 1;
            var requests = new List<long>();
            for (var sequence = first; sequence < first + Window; sequence++)
            {
                var request = publisher.NextRequest();
                requests.Add(request);
                await publisher.SendAsync(new PublishMessage(request, acknowledge, topic, [sequence, Text(sequence)], new Dictionary<string, object?> { ["sequence"] = sequence }));
            }

            foreach (var request in requests)
            {
                var published = await publisher.ReceiveAsync<PublishedMessage>();
                WellBehavedSessions.Check(published.Request == request, publisher, $"PUBLISHED for request {published.Request}, expected {request}");
            }

            Published += Window;
            foreach (var (wire, subscription) in subscribers)
            {
                for (var sequence = first; sequence <= Published; sequence++)
                {
                    var evt = await wire.ReceiveAsync<EventMessage>();
                    WellBehavedSessions.Check(
                        evt.Subscription == subscription && evt.Arguments is [long n, string text] && n == sequence && text == Text(sequence)
                            && evt.ArgumentsKeywords?.GetValueOrDefault("sequence") is long k && k == sequence,
                        wire,
                        $"event {sequence} expected, got [{string.Join(", ", evt.Arguments ?? [])}] on subscription {evt.Subscription}");
                }
            }
        }
    }
}
