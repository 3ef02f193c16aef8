using System.Buffers;
using System.Net.WebSockets;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Client.Transports;

/// <summary>A WAMP connection over a client WebSocket: one message per WebSocket message.</summary>
internal sealed class WebSocketConnection(WebSocket socket, IWampCodec codec, int maxMessageSize, string description) : IWampConnection
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly PooledBufferWriter _sendBuffer = new();
    private readonly PooledBufferWriter _receiveBuffer = new();

    public string Description => description;

    public async ValueTask SendAsync(WampMessage message, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _sendBuffer.Clear();
            codec.Encode(message, _sendBuffer);
            var type = codec.IsBinary ? WebSocketMessageType.Binary : WebSocketMessageType.Text;
            // Cancellation stops the wait for the lock, never a send under way: canceling a WebSocket send aborts the socket.
            await socket.SendAsync(_sendBuffer.WrittenMemory, type, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            throw new WampException(ClientErrors.ConnectionLost, [$"The connection to {description} is closed."], null, e);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask<WampMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        _receiveBuffer.Clear();
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(_receiveBuffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                return null;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseOutputAsync().ConfigureAwait(false);
                return null;
            }

            _receiveBuffer.Advance(result.Count);
            if (_receiveBuffer.WrittenMemory.Length > maxMessageSize)
            {
                throw new WampProtocolException($"The router sent a message larger than {maxMessageSize} bytes.");
            }

            if (result.EndOfMessage)
            {
                return codec.Decode(new ReadOnlySequence<byte>(_receiveBuffer.WrittenMemory));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseOutputAsync().ConfigureAwait(false);
        socket.Dispose();
        _sendBuffer.Dispose();
        _receiveBuffer.Dispose();
        _writeLock.Dispose();
    }

    private async Task CloseOutputAsync()
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket is going away either way; a failed close handshake changes nothing.
        }
    }
}
