using System.Buffers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace LiveStack.Benchmarks.Client;

/// <summary>
/// The load client's connection: a plain socket, a hand-written HTTP upgrade and
/// <see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/>. No HTTP handler or
/// per-connection buffers stay behind, so 19,000 of them fit in one process and cost the client
/// the same for every server.
/// </summary>
internal sealed class BenchSocket : IDisposable
{
    private readonly WebSocket _webSocket;
    private long _lastRequestId;

    private BenchSocket(WebSocket webSocket)
    {
        _webSocket = webSocket;
    }

    public static async Task<BenchSocket> ConnectAsync(ServerEndpoint endpoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(endpoint.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint.Address, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            await stream.WriteAsync(endpoint.UpgradeRequest, cancellationToken).ConfigureAwait(false);
            await ReadUpgradeResponseAsync(stream, cancellationToken).ConfigureAwait(false);
            return new BenchSocket(WebSocket.CreateFromStream(stream, new WebSocketCreationOptions
            {
                IsServer = false,
                SubProtocol = endpoint.Subprotocol,
                KeepAliveInterval = TimeSpan.Zero,
            }));
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The next request id: WAMP wants them sequential per session, SignalR unique per connection.</summary>
    public long NextRequestId() => ++_lastRequestId;

    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken) =>
        _webSocket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Sends from a dedicated (pacer) thread, blocking only when the send does not complete at once.</summary>
    public void Send(ReadOnlyMemory<byte> frame)
    {
        var sending = SendAsync(frame, CancellationToken.None);
        if (sending.IsCompleted)
        {
            sending.GetAwaiter().GetResult();
        }
        else
        {
            sending.AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Receives one whole WebSocket message into <paramref name="buffer"/>; its length, or -1 once the server closed.</summary>
    public async ValueTask<int> ReceiveAsync(ReceiveBuffer buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == buffer.Capacity)
            {
                buffer.Grow();
            }

            var result = await _webSocket.ReceiveAsync(buffer.From(length), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return -1;
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return length;
            }
        }
    }

    /// <summary>The WebSocket closing handshake: sends a close frame and waits for the server's.</summary>
    public Task CloseAsync(CancellationToken cancellationToken) =>
        _webSocket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);

    /// <summary>Drops the connection at once (also ends a pending receive).</summary>
    public void Dispose() => _webSocket.Dispose();

    private static async Task ReadUpgradeResponseAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            var length = 0;
            while (true)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException("The server closed the connection during the WebSocket upgrade.");
                }

                length += read;
                var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    if (!buffer.AsSpan(0, length).StartsWith("HTTP/1.1 101"u8))
                    {
                        var statusLine = Encoding.ASCII.GetString(buffer, 0, buffer.AsSpan(0, length).IndexOf("\r\n"u8));
                        throw new IOException($"The server refused the WebSocket upgrade: {statusLine}");
                    }

                    // Every server here waits for the client's first message, so nothing may follow the headers.
                    if (end + 4 != length)
                    {
                        throw new IOException("The server sent data before the client spoke.");
                    }

                    return;
                }

                if (length == buffer.Length)
                {
                    throw new IOException("The WebSocket upgrade response is too large.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
