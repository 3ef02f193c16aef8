using System.Buffers.Binary;
using LiveStack.Testing;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>Abuse below WAMP: bad RawSocket frame headers and PING floods, connections dropped mid-frame, and a client that stops reading.</summary>
internal static class TransportAttacks
{
    /// <summary>Calls of this size to its own procedure, never read, overflow any socket buffer and then the session's queue.</summary>
    private const int StallCalls = 150;
    private const int StallPayload = 60 * 1024;

    /// <summary>RawSocket whatever transport was drawn, for the attacks on its frames.</summary>
    public static async Task<FuzzWire> ConnectRawSocketAsync(RouterHost host, WireKind kind, IWampCodec codec) => await RawSocketWire.ConnectAsync(host.RawSocketPort, codec);

    /// <summary>Over RawSocket, a client whose kernel receive buffer is tiny, so that not reading stalls the router's writes sooner.</summary>
    public static async Task<FuzzWire> ConnectStalledAsync(RouterHost host, WireKind kind, IWampCodec codec) =>
        kind == WireKind.RawSocket ? await RawSocketWire.ConnectAsync(host.RawSocketPort, codec, receiveBuffer: 4096) : await FuzzWire.ConnectAsync(host, kind, codec);

    public static async Task<Ending> RawFrameAsync(AttackContext context)
    {
        await context.EnterRandomStageAsync();
        var wire = (RawSocketWire)context.Wire;
        var random = context.Random;
        switch (random.Next(6))
        {
            case 0:
                // Reserved bits in the first octet.
                await wire.TrySendBytesAsync([.. Header((byte)(random.Next(1, 16) << 4), 1), 0]);
                return Ending.ProtocolViolation;
            case 1:
                // Frame types 3 to 7 do not exist.
                await wire.TrySendBytesAsync([.. Header((byte)random.Next(3, 8), 1), 0]);
                return Ending.ProtocolViolation;
            case 2:
                // A length over the router's maximum; the payload never needs to follow.
                await wire.TrySendBytesAsync(Header(0, random.Next(FuzzRouter.MaxMessageSize + 1, 1 << 24)));
                return Ending.PayloadSizeExceeded;
            case 3:
                // The X bit: a length of exactly 2^24.
                await wire.TrySendBytesAsync([0x08, 0, 0, 0]);
                return Ending.PayloadSizeExceeded;
            case 4:
                await wire.TrySendBytesAsync(Header(0, 0));
                return Ending.ProtocolViolation;
            default:
                for (var i = random.Next(5, 40); i > 0; i--)
                {
                    await wire.SendPingAsync(context.Values.RandomBytes(random.Next(0, 64)));
                }

                return await context.ViolateAsync(context.Terminator, Ending.ProtocolViolation);
        }
    }

    /// <summary>The client goes away at a random point: idle, mid-frame, or (once joined) with a call to itself pending.</summary>
    public static async Task<Ending> DropAsync(AttackContext context)
    {
        await context.EnterRandomStageAsync();
        var wire = context.Wire;
        switch (context.Random.Next(3))
        {
            case 0:
                wire.Drop();
                break;
            case 1 when context.Established:
                var call = new CallMessage(wire.NextRequest(), new Dictionary<string, object?>(), $"{context.Tag}.p", [context.Values.Plain()]);
                await wire.TrySendFrameAsync(context.Encode(call));
                wire.Drop();
                break;
            default:
                // Never a whole frame: whether the router would see it before the reset is a race,
                // and a whole AUTHENTICATE would make the count of logged failures unpredictable.
                await wire.SendPartialAndDropAsync(context.Encode(context.ValidMessage()));
                break;
        }

        return Ending.Dropped;
    }

    /// <summary>
    /// Calls its own procedure with big arguments and never reads the INVOCATIONs: once the socket
    /// buffers and the session's queue are full, the router must cut the session off. The
    /// terminator at the end makes sure the session ends even if it has not.
    /// </summary>
    public static async Task<Ending> StallAsync(AttackContext context)
    {
        await context.EnterAsync(Stage.OpenRealm);
        var arguments = new List<object?> { new string('s', StallPayload) };
        for (var i = 0; i < StallCalls; i++)
        {
            await context.Wire.TrySendFrameAsync(context.Encode(new CallMessage(context.Wire.NextRequest(), new Dictionary<string, object?>(), $"{context.Tag}.p", arguments)));
        }

        return await context.ViolateAsync(context.Terminator, Ending.Closed | Ending.ProtocolViolation);
    }

    private static byte[] Header(byte first, int length)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(header, length & 0xFFFFFF);
        header[0] = first;
        return header;
    }
}
