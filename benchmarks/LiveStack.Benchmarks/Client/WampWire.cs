using System.Buffers.Text;

namespace LiveStack.Benchmarks.Client;

/// <summary>
/// Raw WAMP JSON frames (<c>wamp.2.json</c>), written from templates and read by prefix:
/// LiveStack and the raw relay get exactly the same bytes.
/// </summary>
internal sealed class WampWire : Wire
{
    public static readonly WampWire Instance = new();

    private static readonly byte[] Hello = Utf8("""[1,"realm1",{"roles":{"publisher":{},"subscriber":{},"caller":{},"callee":{}}}]""");
    private static readonly byte[] Goodbye = Utf8("""[6,{},"wamp.close.close_realm"]""");

    public override string Path => "/ws";

    public override string? Subprotocol => "wamp.2.json";

    protected override int Separator => -1;

    public override async Task JoinAsync(BenchSocket socket, ReceiveBuffer buffer, CancellationToken cancellationToken)
    {
        await socket.SendAsync(Hello, cancellationToken).ConfigureAwait(false);
        await AwaitReplyAsync(socket, buffer, "WELCOME", static r => Answer(r, "[2,"u8, "[3,"u8), cancellationToken).ConfigureAwait(false);
    }

    public override async Task SubscribeAsync(BenchSocket socket, string topic, ReceiveBuffer buffer, CancellationToken cancellationToken)
    {
        await socket.SendAsync(Utf8($$"""[32,{{socket.NextRequestId()}},{},"{{topic}}"]"""), cancellationToken).ConfigureAwait(false);
        await AwaitReplyAsync(socket, buffer, "SUBSCRIBED", static r => Answer(r, "[33,"u8, "[8,"u8), cancellationToken).ConfigureAwait(false);
    }

    public override async Task RegisterAsync(BenchSocket socket, ReceiveBuffer buffer, CancellationToken cancellationToken)
    {
        await socket.SendAsync(Utf8($$"""[64,{{socket.NextRequestId()}},{},"{{EchoProcedure}}"]"""), cancellationToken).ConfigureAwait(false);
        await AwaitReplyAsync(socket, buffer, "REGISTERED", static r => Answer(r, "[65,"u8, "[8,"u8), cancellationToken).ConfigureAwait(false);
    }

    public override async Task LeaveAsync(BenchSocket socket, ReceiveBuffer buffer, CancellationToken cancellationToken)
    {
        await socket.SendAsync(Goodbye, cancellationToken).ConfigureAwait(false);
        await AwaitReplyAsync(socket, buffer, "GOODBYE", static r => Answer(r, "[6,"u8, "[3,"u8), cancellationToken).ConfigureAwait(false);
        await socket.CloseAsync(cancellationToken).ConfigureAwait(false);
    }

    public override FrameTemplate Publication(string topic, int payloadSize) =>
        new(Utf8("[16,"), hasId: true, Utf8($$""",{},"{{topic}}",["T"""), [.. Payload.Padding(payloadSize), .. "\"]]"u8]);

    public override FrameTemplate Call(int payloadSize) =>
        new(Utf8("[48,"), hasId: true, Utf8($$""",{},"{{EchoProcedure}}",["T"""), [.. Payload.Padding(payloadSize), .. "\"]]"u8]);

    /// <summary>INVOCATION <c>[68,id,reg,{},args]</c> becomes YIELD <c>[70,id,{},args]</c>.</summary>
    public override int WriteReply(ReadOnlySpan<byte> record, Span<byte> destination)
    {
        if (!record.StartsWith("[68,"u8) || !Utf8Parser.TryParse(record[4..], out long invocation, out _))
        {
            return 0;
        }

        var arguments = record[record.IndexOf("[\"T"u8)..^1];
        "[70,"u8.CopyTo(destination);
        Utf8Formatter.TryFormat(invocation, destination[4..], out var written);
        var length = 4 + written;
        ",{},"u8.CopyTo(destination[length..]);
        length += 4;
        arguments.CopyTo(destination[length..]);
        length += arguments.Length;
        destination[length] = (byte)']';
        return length + 1;
    }

    public override bool IsError(ReadOnlySpan<byte> record) => record.StartsWith("[8,"u8) || record.StartsWith("[3,"u8);

    private static Reply Answer(ReadOnlySpan<byte> record, ReadOnlySpan<byte> success, ReadOnlySpan<byte> failure) =>
        record.StartsWith(success) ? Reply.Done : record.StartsWith(failure) ? Reply.Failed : Reply.Skip;
}
