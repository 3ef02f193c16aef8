using System.Net.WebSockets;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>A <see cref="FuzzWire"/> over <see cref="ClientWebSocket"/>: one WAMP message per WebSocket message.</summary>
internal sealed class WebSocketWire : FuzzWire
{
    private readonly ClientWebSocket _socket;
    private byte[] _buffer = new byte[4096];

    private WebSocketWire(ClientWebSocket socket, IWampCodec codec)
        : base(codec) => _socket = socket;

    public override WireKind Kind => WireKind.WebSocket;

    public static async Task<WebSocketWire> ConnectAsync(Uri url, IWampCodec codec)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(codec.Subprotocol);
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(url, timeout.Token);
        return new WebSocketWire(socket, codec);
    }

    public override async Task SendFrameAsync(byte[] payload)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(payload, MessageType, endOfMessage: true, timeout.Token);
    }

    public override async Task SendPartialAndDropAsync(byte[] payload)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Patience);
            await _socket.SendAsync(payload.AsMemory(0, payload.Length / 2), MessageType, endOfMessage: false, timeout.Token);
        }
        catch (Exception e) when (IsConnectionLoss(e))
        {
            // Gone already: dropping it is the point anyway.
        }

        Drop();
    }

    public override void Drop() => _socket.Abort();

    public override async Task<WampMessage?> ReceiveAnyAsync()
    {
        if (End is not null)
        {
            return null;
        }

        using var timeout = new CancellationTokenSource(Patience);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    End = new WireEnd(_socket.CloseStatus, "close frame");
                    return null;
                }

                length += result.Count;
                if (result.EndOfMessage)
                {
                    return Decode(_buffer, length);
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{Name}: the router neither sent a message nor closed the connection within {Patience.TotalSeconds} s.");
        }
        catch (Exception e) when (IsConnectionLoss(e))
        {
            End = new WireEnd(null, "connection lost: " + e.Message);
            return null;
        }
    }

    public override ValueTask DisposeAsync()
    {
        // No closing handshake: the router has either closed already or is being dropped on purpose.
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private WebSocketMessageType MessageType => Codec.IsBinary ? WebSocketMessageType.Binary : WebSocketMessageType.Text;
}
