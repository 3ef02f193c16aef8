using LiveStack.Wamp;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>Well-formed messages that break the protocol: request-id gaps, messages in the wrong state, and abuse of what the router offers.</summary>
internal static class ProtocolAttacks
{
    private static readonly string[] MetaProcedures =
    [
        "wamp.session.count", "wamp.session.list", "wamp.session.get", "wamp.session.add_testament", "wamp.session.flush_testaments",
        "wamp.subscription.list", "wamp.subscription.lookup", "wamp.subscription.match", "wamp.subscription.get",
        "wamp.subscription.list_subscribers", "wamp.subscription.count_subscribers", "wamp.registration.list",
        "wamp.registration.lookup", "wamp.registration.match", "wamp.registration.get", "wamp.registration.list_callees",
        "wamp.registration.count_callees", "wamp.no_such.procedure",
    ];

    /// <summary>A request id that skips ahead or reuses one; the router requires each to be the last plus one.</summary>
    public static async Task<Ending> RequestIdGapAsync(AttackContext context)
    {
        await context.EnterEstablishedAsync();
        var random = context.Random;
        var last = context.Wire.LastRequest;
        var request = random.Next(3) switch
        {
            0 => last + 1 + random.Next(1, 1000),
            1 => last + 1 + (1L << 40),
            _ => random.NextInt64(1, last + 1),
        };
        var options = new Dictionary<string, object?>();
        WampMessage message = random.Next(6) switch
        {
            0 => new PublishMessage(request, options, $"{context.Tag}.t"),
            1 => new SubscribeMessage(request, options, $"{context.Tag}.gap"),
            2 => new CallMessage(request, options, $"{context.Tag}.p"),
            3 => new RegisterMessage(request, options, $"{context.Tag}.gap"),
            4 => new UnsubscribeMessage(request, context.Subscription),
            _ => new UnregisterMessage(request, context.Registration),
        };
        return await context.ViolateAsync(message);
    }

    /// <summary>A valid message that is illegal in the session's current state.</summary>
    public static async Task<Ending> WrongStateAsync(AttackContext context)
    {
        await context.EnterRandomStageAsync();
        var random = context.Random;
        var options = new Dictionary<string, object?>();
        WampMessage[] choices = context.Stage switch
        {
            Stage.Fresh =>
            [
                new PublishMessage(1, options, "com.fuzz.t"), new SubscribeMessage(1, options, "com.fuzz.t"), new CallMessage(1, options, "com.fuzz.p"),
                new GoodbyeMessage(options, WampErrors.CloseNormal), new AbortMessage(options, WampErrors.CloseNormal),
                new AuthenticateMessage("ticket", options), new YieldMessage(1, options), new WelcomeMessage(1, options),
                new ErrorMessage(MessageCode.Invocation, 1, options, "com.fuzz.error"),
            ],
            Stage.Challenged =>
            [
                Joining.Hello(FuzzRouter.SecuredRealm, "alice", "ticket"), new PublishMessage(1, options, "com.fuzz.t"),
                new GoodbyeMessage(options, WampErrors.CloseNormal), new AbortMessage(options, WampErrors.CloseNormal),
                new ChallengeMessage("ticket", options), new YieldMessage(1, options),
                new ErrorMessage(MessageCode.Invocation, 1, options, "com.fuzz.error"),
            ],
            _ =>
            [
                Joining.Hello(FuzzRouter.OpenRealm), new WelcomeMessage(1, options), new ChallengeMessage("ticket", options),
                new AuthenticateMessage("ticket", options), new PublishedMessage(1, 1), new SubscribedMessage(1, 1),
                new UnsubscribedMessage(1), new EventMessage(context.Subscription, 1, options), new ResultMessage(1, options),
                new RegisteredMessage(1, 1), new UnregisteredMessage(1), new InvocationMessage(1, context.Registration, options),
                new InterruptMessage(1, options), new ErrorMessage(MessageCode.Call, 1, options, "com.fuzz.error"),
                new ErrorMessage(MessageCode.Subscribe, 1, options, "com.fuzz.error"),
                new CallMessage(context.Wire.NextRequest(), new Dictionary<string, object?> { ["progress"] = true }, $"{context.Tag}.p"),
            ],
        };
        return await context.ViolateAsync(choices[random.Next(choices.Length)]);
    }

    /// <summary>Meta procedures called with arbitrary, often hostile, arguments.</summary>
    public static async Task<Ending> HostileMetaCallAsync(AttackContext context)
    {
        await context.EnterEstablishedAsync();
        var random = context.Random;
        var values = context.Values;
        var arguments = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(2) == 0 ? values.Plain() : values.Any(2)).ToList();
        var procedure = MetaProcedures[random.Next(MetaProcedures.Length)];
        object?[] call = random.Next(2) == 0
            ? [48L, context.Wire.NextRequest(), new Dictionary<string, object?>(), procedure, arguments]
            : [48L, context.Wire.NextRequest(), new Dictionary<string, object?>(), procedure, arguments, values.Map(2)];
        return await context.ProbeAsync(context.EncodeRaw(call));
    }

    /// <summary>A member of the secured realm tries what only services may: publish into and register in com.good., or kill every session.</summary>
    public static async Task<Ending> PrivilegeProbeAsync(AttackContext context)
    {
        await context.EnterAsync(Stage.SecuredRealm);
        var wire = context.Wire;
        var options = new Dictionary<string, object?> { ["acknowledge"] = true };
        await wire.SendAsync(new PublishMessage(wire.NextRequest(), options, WellBehavedPubSub.SecuredTopic, ["forged"]));
        ExpectDenied(await wire.ReceiveAsync<ErrorMessage>(), MessageCode.Publish);
        await wire.SendAsync(new RegisterMessage(wire.NextRequest(), new Dictionary<string, object?>(), WellBehavedRpc.Procedure));
        ExpectDenied(await wire.ReceiveAsync<ErrorMessage>(), MessageCode.Register);
        await wire.SendAsync(new CallMessage(wire.NextRequest(), new Dictionary<string, object?>(), "wamp.session.kill_all"));
        ExpectDenied(await wire.ReceiveAsync<ErrorMessage>(), MessageCode.Call);
        return await context.ViolateAsync(context.Terminator, Ending.ProtocolViolation);
    }

    /// <summary>
    /// A binary-serializer publisher sends NaN or an infinity, which JSON cannot express, to a JSON
    /// subscriber: the subscriber loses that event only, and its session carries on.
    /// </summary>
    public static async Task<Ending> UnencodableRelayAsync(AttackContext context)
    {
        var random = context.Random;
        var primaryIsJson = context.Wire.Codec.Serializer == WampSerializer.Json;
        await using var other = await FuzzWire.ConnectAsync(
            context.Host,
            (WireKind)random.Next(2),
            primaryIsJson ? (random.Next(2) == 0 ? WampCodecs.MessagePack : WampCodecs.Cbor) : WampCodecs.Json);
        var (subscriber, publisher) = primaryIsJson ? (context.Wire, other) : (other, context.Wire);
        var topic = $"{context.Tag}.relay";
        await Joining.JoinOpenAsync(subscriber);
        await Joining.JoinOpenAsync(publisher);
        await subscriber.SendAsync(new SubscribeMessage(subscriber.NextRequest(), new Dictionary<string, object?>(), topic));
        await subscriber.ReceiveAsync<SubscribedMessage>();

        var acknowledge = new Dictionary<string, object?> { ["acknowledge"] = true };
        double[] unencodable = [double.NaN, double.PositiveInfinity, double.NegativeInfinity];
        await publisher.SendAsync(new PublishMessage(publisher.NextRequest(), acknowledge, topic, [unencodable[random.Next(3)]]));
        await publisher.ReceiveAsync<PublishedMessage>();
        await publisher.SendAsync(new PublishMessage(publisher.NextRequest(), acknowledge, topic, ["after"]));
        await publisher.ReceiveAsync<PublishedMessage>();
        var evt = await subscriber.ReceiveAsync<EventMessage>();
        if (evt.Arguments is not ["after"])
        {
            throw new InvalidOperationException($"The JSON subscriber got {Describe(evt.Arguments)} instead of the event after the unencodable one.");
        }

        await other.SendFrameAsync(RawEncoder.Encode(Array.Empty<object?>(), other.Codec.Serializer));
        var otherEnding = Endings.Classify(await other.ReceiveUntilClosedAsync(), other.End);
        if (otherEnding != Ending.ProtocolViolation)
        {
            throw new InvalidOperationException($"The second session ({other.Name}) ended with {otherEnding}.");
        }

        return await context.ViolateAsync(context.Terminator, Ending.ProtocolViolation);
    }

    private static void ExpectDenied(ErrorMessage error, MessageCode request)
    {
        if (error.RequestType != request || error.Error != WampErrors.NotAuthorized)
        {
            throw new InvalidOperationException($"A member's {request} in com.good. got {error.Error} for {error.RequestType}, not {WampErrors.NotAuthorized}.");
        }
    }

    private static string Describe(IReadOnlyList<object?>? arguments) =>
        arguments is null ? "no arguments" : "[" + string.Join(", ", arguments) + "]";
}
