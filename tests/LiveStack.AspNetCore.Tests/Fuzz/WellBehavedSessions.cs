using LiveStack.Testing;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>
/// The sessions that must not notice the attack: pub/sub and RPC in both realms, over every
/// serializer and both transports, authenticated by ticket and WAMP-CRA in the secured realm.
/// </summary>
internal sealed class WellBehavedSessions
{
    private const int Minimum = 40;
    private readonly WellBehavedPubSub[] _pubSubs;
    private readonly WellBehavedRpc[] _rpcs;

    private WellBehavedSessions(WellBehavedPubSub[] pubSubs, WellBehavedRpc[] rpcs)
    {
        _pubSubs = pubSubs;
        _rpcs = rpcs;
    }

    public IReadOnlyList<FuzzWire> Wires => [.. _pubSubs.SelectMany(p => p.Wires), .. _rpcs.SelectMany(r => r.Wires)];

    public long EventsPublished => _pubSubs.Sum(p => p.Published);

    public long EventsDelivered => _pubSubs.Sum(p => p.Published * (p.Wires.Count() - 1));

    public long Calls => _rpcs.Sum(r => r.Calls);

    public static async Task<WellBehavedSessions> StartAsync(RouterHost host)
    {
        Task<FuzzWire> Join(WireKind kind, IWampCodec codec, Principal? principal = null) => Joining.ConnectAndJoinAsync(host, kind, codec, principal);

        var securedPubSub = await WellBehavedPubSub.StartAsync(
            await Join(WireKind.WebSocket, WampCodecs.Json, FuzzRouter.Service),
            [await Join(WireKind.WebSocket, WampCodecs.MessagePack, FuzzRouter.Worker), await Join(WireKind.WebSocket, WampCodecs.Cbor, FuzzRouter.Service), await Join(WireKind.RawSocket, WampCodecs.Json, FuzzRouter.Worker)],
            WellBehavedPubSub.SecuredTopic);
        var openPubSub = await WellBehavedPubSub.StartAsync(
            await Join(WireKind.RawSocket, WampCodecs.Cbor),
            [await Join(WireKind.WebSocket, WampCodecs.Json), await Join(WireKind.RawSocket, WampCodecs.MessagePack)],
            WellBehavedPubSub.OpenTopic);
        var openRpc = await WellBehavedRpc.StartAsync(await Join(WireKind.WebSocket, WampCodecs.Cbor), await Join(WireKind.RawSocket, WampCodecs.MessagePack));
        var securedRpc = await WellBehavedRpc.StartAsync(await Join(WireKind.RawSocket, WampCodecs.Cbor, FuzzRouter.Service), await Join(WireKind.WebSocket, WampCodecs.Json, FuzzRouter.Worker));
        return new WellBehavedSessions([securedPubSub, openPubSub], [openRpc, securedRpc]);
    }

    /// <summary>Runs every exchange until <paramref name="stop"/> fires; throws on the first event or result that is lost, late or wrong.</summary>
    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll([.. _pubSubs.Select(p => p.RunAsync(Minimum, stop)), .. _rpcs.Select(r => r.RunAsync(Minimum, stop))]);

    /// <summary>
    /// Asks each realm's meta API for its subscriptions and registrations: after the attack only the
    /// well-behaved sessions' own may be left (one subscription per pub/sub topic, one registration per realm).
    /// </summary>
    public async Task<string?> FindLeftoversAsync()
    {
        foreach (var caller in _rpcs.Select(r => r.Caller))
        {
            foreach (var (procedure, expected) in new[] { ("wamp.subscription.list", 1), ("wamp.registration.list", 1) })
            {
                await caller.SendAsync(new CallMessage(caller.NextRequest(), new Dictionary<string, object?>(), procedure));
                var lists = (IReadOnlyDictionary<string, object?>)(await caller.ReceiveAsync<ResultMessage>()).Arguments![0]!;
                var counts = lists.ToDictionary(p => p.Key, p => ((IReadOnlyList<object?>)p.Value!).Count);
                if (counts["exact"] != expected || counts["prefix"] != 0 || counts["wildcard"] != 0)
                {
                    return $"{procedure} seen from {caller.Name}: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}";
                }
            }
        }

        return null;
    }

    /// <summary>Every session says GOODBYE and must get GOODBYE back, then the router closes the connection.</summary>
    public async Task LeaveAsync()
    {
        foreach (var wire in Wires)
        {
            await wire.SendAsync(new GoodbyeMessage(new Dictionary<string, object?>(), WampErrors.CloseNormal));
            var reply = await wire.ReceiveAsync<GoodbyeMessage>();
            Check(reply.Reason == WampErrors.GoodbyeAndOut, wire, $"GOODBYE answered with {reply.Reason}");
            Check(await wire.ReceiveAnyAsync() is null, wire, "a message after GOODBYE");
            await wire.DisposeAsync();
        }
    }

    public static void Check(bool condition, FuzzWire wire, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Well-behaved {wire.Name} session disturbed: {what}.");
        }
    }
}
