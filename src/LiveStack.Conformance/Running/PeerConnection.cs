using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using LiveStack.Wamp;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Conformance.Running;

/// <summary>
/// One script session's WebSocket. A background loop decodes every message the router sends into
/// an inbox, so steps for different sessions never block each other and nothing is lost while a
/// step waits elsewhere. Once the connection has ended, every receive returns that close.
/// </summary>
internal sealed class PeerConnection : IAsyncDisposable
{
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(1);
    private readonly ClientWebSocket _socket;
    private readonly IWampCodec _codec;
    private readonly Action<Incoming> _onArrival;
    private readonly Channel<Incoming> _inbox = Channel.CreateUnbounded<Incoming>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;
    private Incoming? _closed;

    private PeerConnection(ClientWebSocket socket, IWampCodec codec, Action<Incoming> onArrival)
    {
        _socket = socket;
        _codec = codec;
        _onArrival = onArrival;
    }

    /// <summary>Whether the WAMP session is established as far as the frames show (WELCOME seen, no GOODBYE or ABORT since), so teardown knows whom to say GOODBYE for.</summary>
    public bool Established { get; private set; }

    /// <summary>Opens the WebSocket offering only the run's subprotocol and starts reading.</summary>
    public static async Task<PeerConnection> ConnectAsync(Uri url, IWampCodec codec, Action<Incoming> onArrival, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(codec.Subprotocol);
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            await socket.ConnectAsync(url, cts.Token).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (socket.SubProtocol != codec.Subprotocol)
        {
            socket.Dispose();
            throw new WebSocketException($"The router accepted subprotocol '{socket.SubProtocol}' instead of '{codec.Subprotocol}'.");
        }

        var peer = new PeerConnection(socket, codec, onArrival);
        peer._reading = peer.ReadLoopAsync();
        return peer;
    }

    /// <summary>Sends one WebSocket message: text for JSON, binary otherwise, as the subprotocol requires.</summary>
    public async Task SendAsync(byte[] bytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var type = _codec.IsBinary ? WebSocketMessageType.Binary : WebSocketMessageType.Text;
        await _socket.SendAsync(bytes, type, endOfMessage: true, cts.Token).ConfigureAwait(false);
    }

    /// <summary>The next delivery, or null when nothing arrived within <paramref name="timeout"/>.</summary>
    public async Task<Incoming?> ReceiveAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_closed is not null)
        {
            return _closed;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            var incoming = await _inbox.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
            if (incoming.IsClosed)
            {
                _closed = incoming;
                Established = false;
            }

            return incoming;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>A message that already arrived and was never consumed, if any (closes do not count).</summary>
    public Incoming? TakeLeftover()
    {
        while (_inbox.Reader.TryRead(out var incoming))
        {
            if (!incoming.IsClosed)
            {
                return incoming;
            }

            _closed = incoming;
        }

        return null;
    }

    /// <summary>Follows the session state through a frame this side sent or received.</summary>
    public void Observe(IReadOnlyList<object?> frame, bool sent)
    {
        switch (frame[0])
        {
            case 2L when !sent:
                Established = true;
                break;
            case 3L or 6L:
                Established = false;
                break;
        }
    }

    /// <summary>Drops the connection without a WebSocket close handshake, like a crashed client.</summary>
    public void Drop()
    {
        Established = false;
        _socket.Abort();
    }

    /// <summary>Closes the WebSocket politely and stops reading.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var cts = new CancellationTokenSource(CloseGrace);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Already going away.
            }
        }

        if (await Task.WhenAny(_reading, Task.Delay(CloseGrace, CancellationToken.None)).ConfigureAwait(false) != _reading)
        {
            _socket.Abort();
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _reading.ConfigureAwait(false);
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(4096), _stop.Token).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        Deliver(Incoming.Closed($"WebSocket close {(int?)_socket.CloseStatus} {_socket.CloseStatusDescription}".TrimEnd()));
                        return;
                    }

                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage);

                Deliver(Decode(buffer.WrittenMemory));
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            Deliver(Incoming.Closed($"connection lost: {e.Message}"));
        }
        finally
        {
            _inbox.Writer.TryComplete();
        }
    }

    private void Deliver(Incoming incoming)
    {
        _onArrival(incoming);
        _inbox.Writer.TryWrite(incoming);
    }

    private Incoming Decode(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            var message = _codec.Decode(new ReadOnlySequence<byte>(bytes));
            return Incoming.Message(WampMessageConverter.ToArray(message));
        }
        catch (WampProtocolException e)
        {
            var raw = _codec.IsBinary ? Convert.ToHexString(bytes.Span) : Encoding.UTF8.GetString(bytes.Span);
            return Incoming.Malformed(raw.Length > 300 ? raw[..300] + "…" : raw, e.Message);
        }
    }
}
