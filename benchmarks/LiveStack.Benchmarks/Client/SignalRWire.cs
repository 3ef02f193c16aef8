namespace LiveStack.Benchmarks.Client;

/// <summary>
/// The SignalR JSON hub protocol written by hand over the same lean WebSocket (connecting straight to
/// the WebSocket transport, without negotiation), so the hub's client costs what the WAMP client
/// costs: templates out, a prefix check and one search in.
/// </summary>
internal sealed class SignalRWire : Wire
{
    public static readonly SignalRWire Instance = new();

    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Handshake = Utf8("""{"protocol":"json","version":1}""" + "\u001e");

    public override string Path => "/hub";

    public override string? Subprotocol => null;

    protected override int Separator => RecordSeparator;

    public override async Task JoinAsync(BenchSocket socket, ReceiveBuffer buffer, CancellationToken cancellationToken)
    {
        await socket.SendAsync(Handshake, cancellationToken).ConfigureAwait(false);
        await AwaitReplyAsync(socket, buffer, "the handshake response", static r => r.SequenceEqual("{}"u8) ? Reply.Done : Reply.Failed, cancellationToken).ConfigureAwait(false);
    }

    public override Task SubscribeAsync(BenchSocket socket, string topic, ReceiveBuffer buffer, CancellationToken cancellationToken) =>
        InvokeAsync(socket, "Subscribe", $"\"{topic}\"", buffer, cancellationToken);

    public override Task RegisterAsync(BenchSocket socket, ReceiveBuffer buffer, CancellationToken cancellationToken) =>
        InvokeAsync(socket, "Register", string.Empty, buffer, cancellationToken);

    public override Task LeaveAsync(BenchSocket socket, ReceiveBuffer buffer, CancellationToken cancellationToken) =>
        socket.CloseAsync(cancellationToken);

    /// <summary>A non-blocking invocation (no invocation id), as a fire-and-forget publish should be.</summary>
    public override FrameTemplate Publication(string topic, int payloadSize) =>
        new(Utf8($$"""{"type":1,"target":"Publish","arguments":["{{topic}}","T"""), hasId: false, [], Tail(payloadSize));

    public override FrameTemplate Call(int payloadSize) =>
        new(Utf8("{\"type\":1,\"invocationId\":\""), hasId: true, Utf8("\",\"target\":\"Call\",\"arguments\":[\"T"), Tail(payloadSize));

    /// <summary>The hub's client-result invocation <c>{"type":1,"invocationId":"7","target":"echo","arguments":["T…"]}</c> gets its completion.</summary>
    public override int WriteReply(ReadOnlySpan<byte> record, Span<byte> destination)
    {
        var idKey = "\"invocationId\":\""u8;
        var idStart = record.IndexOf(idKey);
        if (!record.StartsWith("{\"type\":1,"u8) || idStart < 0)
        {
            return 0;
        }

        idStart += idKey.Length;
        var id = record[idStart..(idStart + record[idStart..].IndexOf((byte)'"'))];
        var payloadStart = record.IndexOf("\"T"u8) + 1;
        var payload = record[payloadStart..(payloadStart + record[payloadStart..].IndexOf((byte)'"'))];

        var length = 0;
        Append(destination, ref length, "{\"type\":3,\"invocationId\":\""u8);
        Append(destination, ref length, id);
        Append(destination, ref length, "\",\"result\":\""u8);
        Append(destination, ref length, payload);
        Append(destination, ref length, "\"}\u001e"u8);
        return length;
    }

    /// <summary>A completion carrying an error, or a close message.</summary>
    public override bool IsError(ReadOnlySpan<byte> record) =>
        (record.StartsWith("{\"type\":3,"u8) && record.IndexOf("\"error\":"u8) >= 0) || record.StartsWith("{\"type\":7"u8);

    private async Task InvokeAsync(BenchSocket socket, string target, string arguments, ReceiveBuffer buffer, CancellationToken cancellationToken)
    {
        var invocation = $$"""{"type":1,"invocationId":"{{socket.NextRequestId()}}","target":"{{target}}","arguments":[{{arguments}}]}""" + "\u001e";
        await socket.SendAsync(Utf8(invocation), cancellationToken).ConfigureAwait(false);
        await AwaitReplyAsync(socket, buffer, target, static r => !r.StartsWith("{\"type\":3,"u8) ? Reply.Skip : r.IndexOf("\"error\":"u8) >= 0 ? Reply.Failed : Reply.Done, cancellationToken).ConfigureAwait(false);
    }

    private static byte[] Tail(int payloadSize) => [.. Payload.Padding(payloadSize), .. "\"]}\u001e"u8];

    private static void Append(Span<byte> destination, ref int length, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination[length..]);
        length += bytes.Length;
    }
}
