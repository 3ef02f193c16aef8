using System.Buffers;
using System.Text.Unicode;
using LiveStack.Testing;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>Where a hostile session is in its life when the hostile frame arrives.</summary>
internal enum Stage
{
    /// <summary>Connected, nothing sent.</summary>
    Fresh,

    /// <summary>Joined the open realm, with a subscription and a registration.</summary>
    OpenRealm,

    /// <summary>Joined the secured realm as a member, with a subscription and a registration.</summary>
    SecuredRealm,

    /// <summary>Sent HELLO to the secured realm and got a CHALLENGE.</summary>
    Challenged,
}

/// <summary>
/// One hostile session in the making: its connection, its random source, and the oracle that
/// says how the router must end the session after a given frame.
/// </summary>
internal sealed class AttackContext(RouterHost host, FuzzWire wire, Random random, int index)
{
    private static readonly Principal[] Members = [FuzzRouter.Alice, FuzzRouter.Carol, FuzzRouter.Sally];

    private string? _rightAnswer;

    public RouterHost Host => host;

    public FuzzWire Wire => wire;

    public Random Random => random;

    public HostileValues Values { get; } = new(random, wire.Codec.Serializer);

    public Stage Stage { get; private set; }

    /// <summary>The URI prefix of this attack's own topics and procedures.</summary>
    public string Tag { get; } = $"com.fuzz.a{index}";

    public long Subscription { get; private set; }

    public long Registration { get; private set; }

    public bool Established => Stage is Stage.OpenRealm or Stage.SecuredRealm;

    /// <summary>The empty message: refused in every state, it makes the router end a session a harmless frame left open.</summary>
    public byte[] Terminator => RawEncoder.Encode(Array.Empty<object?>(), wire.Codec.Serializer);

    public Task EnterRandomStageAsync() => EnterAsync((Stage)random.Next(4));

    public Task EnterEstablishedAsync() => EnterAsync(random.Next(2) == 0 ? Stage.OpenRealm : Stage.SecuredRealm);

    public async Task EnterAsync(Stage stage)
    {
        Stage = stage;
        switch (stage)
        {
            case Stage.OpenRealm:
                await Joining.JoinOpenAsync(wire);
                break;
            case Stage.SecuredRealm:
                await Joining.JoinAsync(wire, Member());
                break;
            case Stage.Challenged:
                var principal = Member();
                _rightAnswer = Joining.Signature(principal, await Joining.ChallengeAsync(wire, principal));
                break;
        }

        if (stage is Stage.OpenRealm or Stage.SecuredRealm)
        {
            await wire.SendAsync(new SubscribeMessage(wire.NextRequest(), new Dictionary<string, object?>(), $"{Tag}.t"));
            Subscription = (await wire.ReceiveAsync<SubscribedMessage>()).Subscription;
            await wire.SendAsync(new RegisterMessage(wire.NextRequest(), new Dictionary<string, object?>(), $"{Tag}.p"));
            Registration = (await wire.ReceiveAsync<RegisteredMessage>()).Registration;
        }
    }

    public Principal Member() => Members[random.Next(Members.Length)];

    /// <summary>A well-formed message that belongs in the current stage, for attacks to corrupt.</summary>
    public WampMessage ValidMessage()
    {
        var options = new Dictionary<string, object?>();
        switch (Stage)
        {
            case Stage.Fresh:
                return random.Next(2) == 0 ? Joining.Hello(FuzzRouter.OpenRealm) : Joining.Hello(FuzzRouter.SecuredRealm, Member().AuthId, "ticket", "wampcra");
            case Stage.Challenged:
                return new AuthenticateMessage(random.Next(2) == 0 ? _rightAnswer! : Values.Word(), options);
        }

        return random.Next(8) switch
        {
            0 => new PublishMessage(wire.NextRequest(), new Dictionary<string, object?> { ["acknowledge"] = true, ["exclude_me"] = false }, $"{Tag}.t", [Values.Plain(), Values.Plain()], new Dictionary<string, object?> { ["k"] = Values.Plain() }),
            1 => new SubscribeMessage(wire.NextRequest(), new Dictionary<string, object?> { ["match"] = "prefix" }, $"{Tag}.s"),
            2 => new CallMessage(wire.NextRequest(), new Dictionary<string, object?> { ["timeout"] = 60_000L }, $"{Tag}.p", [Values.Plain()]),
            3 => new RegisterMessage(wire.NextRequest(), options, $"{Tag}.r"),
            4 => new UnsubscribeMessage(wire.NextRequest(), Subscription),
            5 => new UnregisterMessage(wire.NextRequest(), Registration),
            6 => new YieldMessage(random.Next(1, 10), options, [Values.Plain()]),
            _ => new ErrorMessage(MessageCode.Invocation, random.Next(1, 10), options, "com.fuzz.error", [Values.Plain()]),
        };
    }

    public byte[] Encode(WampMessage message)
    {
        using var buffer = new PooledBufferWriter();
        wire.Codec.Encode(message, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public byte[] EncodeRaw(object? tree) => RawEncoder.Encode(tree, wire.Codec.Serializer);

    /// <summary>Sends a frame the router must refuse in a way the attack knows; no terminator follows, so nothing masks a router that lets it pass.</summary>
    public async Task<Ending> ViolateAsync(byte[] frame, Ending expected)
    {
        await wire.TrySendFrameAsync(frame);
        return expected;
    }

    public Task<Ending> ViolateAsync(WampMessage message, Ending expected = Ending.ProtocolViolation) => ViolateAsync(Encode(message), expected);

    /// <summary>
    /// Sends any frame and works out how the router must end the session: by the size limit, the
    /// WebSocket's UTF-8 check, the codec (the same one the router uses), or the state machine.
    /// A frame the router accepts is followed by the terminator.
    /// </summary>
    public async Task<Ending> ProbeAsync(byte[] frame)
    {
        await wire.TrySendFrameAsync(frame);
        // The WebSocket layer fails a text message that is not UTF-8 itself, with close 1007 when
        // the close frame makes it out before the connection is torn down, abruptly otherwise.
        var notText = wire.SendsText && !Utf8.IsValid(frame) ? Ending.InvalidPayloadClose | Ending.Closed : Ending.None;
        if (frame.Length > FuzzRouter.MaxMessageSize)
        {
            return Ending.PayloadSizeExceeded | notText;
        }

        if (notText != Ending.None)
        {
            return notText;
        }

        WampMessage message;
        try
        {
            message = wire.Codec.Decode(new ReadOnlySequence<byte>(frame));
        }
        catch (WampProtocolException)
        {
            return Ending.ProtocolViolation;
        }

        switch (Stage, message)
        {
            case (Stage.Fresh, HelloMessage):
                await wire.TrySendFrameAsync(Terminator);
                return Endings.HelloRefusals;
            case (Stage.Challenged, AuthenticateMessage answer) when answer.Signature == _rightAnswer:
                await wire.TrySendFrameAsync(Terminator);
                return Ending.ProtocolViolation;
            case (Stage.Challenged, AuthenticateMessage):
                return Ending.AuthenticationFailed;
            case (Stage.Fresh or Stage.Challenged, _):
                return Ending.ProtocolViolation;
            case (_, GoodbyeMessage):
                return Ending.Goodbye;
            case (_, AbortMessage):
                return Ending.Closed;
            default:
                await wire.TrySendFrameAsync(Terminator);
                return Ending.ProtocolViolation;
        }
    }
}
