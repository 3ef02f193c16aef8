using System.Buffers;
using System.Net.WebSockets;
using LiveStack.Testing;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>The transports a fuzz session can use.</summary>
internal enum WireKind
{
    WebSocket,
    RawSocket,
}

/// <summary>How the connection ended, as the client saw it: the WebSocket close status, if any, and a word on how.</summary>
internal sealed record WireEnd(WebSocketCloseStatus? CloseStatus, string How);

/// <summary>
/// One client connection to the router, over WebSocket or RawSocket, that can send well-formed
/// messages and arbitrary bytes alike and reports exactly what the router sent back and how it closed.
/// </summary>
internal abstract class FuzzWire(IWampCodec codec) : IAsyncDisposable
{
    /// <summary>How long any single wait for the router may take; generous, as the machine is busy during the fuzz.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private long _lastRequest;

    public IWampCodec Codec { get; } = codec;

    /// <summary>E.g. <c>websocket/json</c>, for failure messages.</summary>
    public string Name => $"{Kind.ToString().ToLowerInvariant()}/{Codec.Serializer.ToString().ToLowerInvariant()}";

    public abstract WireKind Kind { get; }

    /// <summary>True when frames travel as WebSocket text messages, which the WebSocket layer itself requires to be UTF-8.</summary>
    public bool SendsText => Kind == WireKind.WebSocket && !Codec.IsBinary;

    /// <summary>Set once the router closed the connection.</summary>
    public WireEnd? End { get; protected set; }

    /// <summary>The last request id used by <see cref="NextRequest"/>.</summary>
    public long LastRequest => _lastRequest;

    public static async Task<FuzzWire> ConnectAsync(RouterHost host, WireKind kind, IWampCodec codec) => kind switch
    {
        WireKind.WebSocket => await WebSocketWire.ConnectAsync(host.WebSocketUrl, codec),
        _ => await RawSocketWire.ConnectAsync(host.RawSocketPort, codec),
    };

    public long NextRequest() => ++_lastRequest;

    /// <summary>Sends one message; throws if the connection is gone.</summary>
    public async Task SendAsync(WampMessage message)
    {
        using var buffer = new PooledBufferWriter();
        Codec.Encode(message, buffer);
        await SendFrameAsync(buffer.WrittenMemory.ToArray());
    }

    /// <summary>Sends arbitrary bytes as one message; throws if the connection is gone.</summary>
    public abstract Task SendFrameAsync(byte[] payload);

    /// <summary>
    /// Sends hostile bytes as one message. The router may already have closed the connection
    /// because of an earlier frame, which is not a failure: what it sent back tells.
    /// </summary>
    public async Task TrySendFrameAsync(byte[] payload)
    {
        try
        {
            await SendFrameAsync(payload);
        }
        catch (Exception e) when (IsConnectionLoss(e))
        {
            // The router closed first; the ending it chose shows why.
        }
    }

    /// <summary>Starts a message, sends only part of it, then drops the connection.</summary>
    public abstract Task SendPartialAndDropAsync(byte[] payload);

    /// <summary>Closes the connection abruptly, like a crashed client.</summary>
    public abstract void Drop();

    /// <summary>The next message, or null once the router closed the connection (<see cref="End"/> says how).</summary>
    public abstract Task<WampMessage?> ReceiveAnyAsync();

    public async Task<T> ReceiveAsync<T>()
        where T : WampMessage
    {
        var message = await ReceiveAnyAsync();
        return message as T ?? throw new InvalidOperationException($"{Name}: expected {typeof(T).Name}, got {message?.ToString() ?? $"the connection closing ({End})"}.");
    }

    /// <summary>Every message until the router closes the connection.</summary>
    public async Task<List<WampMessage>> ReceiveUntilClosedAsync()
    {
        var received = new List<WampMessage>();
        while (await ReceiveAnyAsync() is { } message)
        {
            received.Add(message);
        }

        return received;
    }

    public abstract ValueTask DisposeAsync();

    protected static bool IsConnectionLoss(Exception e) =>
        e is IOException or WebSocketException or System.Net.Sockets.SocketException or ObjectDisposedException;

    protected WampMessage Decode(byte[] bytes, int length) => Codec.Decode(new ReadOnlySequence<byte>(bytes, 0, length));
}
