using System.Text;

namespace LiveStack.Benchmarks.Client;

/// <summary>
/// What the load client says to one kind of server: WAMP JSON frames for LiveStack and the raw
/// relay (the same bytes for both), the SignalR JSON hub protocol for the hub. Scenarios are
/// written once against this class.
/// </summary>
internal abstract class Wire
{
    public const string EchoProcedure = "bench.echo";

    public static Wire For(ServerKind kind) => kind == ServerKind.SignalR ? SignalRWire.Instance : WampWire.Instance;

    public abstract string Path { get; }

    public abstract string? Subprotocol { get; }

    protected abstract int Separator { get; }

    public RecordEnumerator Split(ReadOnlySpan<byte> message) => new(message, Separator);

    /// <summary>Starts the session: WAMP HELLO/WELCOME, or the SignalR handshake.</summary>
    public abstract Task JoinAsync(BenchSocket socket, ReceiveBuffer buffer, CancellationToken cancellationToken);

    public abstract Task SubscribeAsync(BenchSocket socket, string topic, ReceiveBuffer buffer, CancellationToken cancellationToken);

    /// <summary>Makes this session the callee of <see cref="EchoProcedure"/>.</summary>
    public abstract Task RegisterAsync(BenchSocket socket, ReceiveBuffer buffer, CancellationToken cancellationToken);

    /// <summary>Ends the session politely and closes the WebSocket.</summary>
    public abstract Task LeaveAsync(BenchSocket socket, ReceiveBuffer buffer, CancellationToken cancellationToken);

    public abstract FrameTemplate Publication(string topic, int payloadSize);

    public abstract FrameTemplate Call(int payloadSize);

    /// <summary>Writes the callee's answer to an invocation (echoing its payload); 0 when the record is not an invocation.</summary>
    public abstract int WriteReply(ReadOnlySpan<byte> record, Span<byte> destination);

    public abstract bool IsError(ReadOnlySpan<byte> record);

    protected enum Reply
    {
        Skip,
        Done,
        Failed,
    }

    protected delegate Reply ReplyMatcher(ReadOnlySpan<byte> record);

    /// <summary>Receives until a record answers the request just sent; throws if the server refused it.</summary>
    protected async Task AwaitReplyAsync(BenchSocket socket, ReceiveBuffer buffer, string what, ReplyMatcher match, CancellationToken cancellationToken)
    {
        while (true)
        {
            var length = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (length < 0)
            {
                throw new IOException($"The server closed the connection while the client waited for {what}.");
            }

            if (Find(buffer.Span(length), what, match))
            {
                return;
            }
        }
    }

    private bool Find(ReadOnlySpan<byte> message, string what, ReplyMatcher match)
    {
        foreach (var record in Split(message))
        {
            switch (match(record))
            {
                case Reply.Done:
                    return true;
                case Reply.Failed:
                    throw new InvalidOperationException($"{what} failed: {Encoding.UTF8.GetString(record)}");
            }
        }

        return false;
    }

    protected static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
