using System.Buffers;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.RawSocket;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Client.Transports;

/// <summary>A WAMP connection over RawSocket: length-prefixed frames, PINGs answered with PONGs.</summary>
internal sealed class RawSocketConnection(TcpClient client, NetworkStream stream, IWampCodec codec, int ownLimit, int routerLimit, string description) : IWampConnection
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly PooledBufferWriter _sendBuffer = new();
    private readonly byte[] _header = new byte[4];

    public string Description => description;

    public async ValueTask SendAsync(WampMessage message, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _sendBuffer.Clear();
            _sendBuffer.Advance(4);
            codec.Encode(message, _sendBuffer);
            var length = _sendBuffer.WrittenMemory.Length - 4;
            if (length > routerLimit)
            {
                throw new WampException(WampErrors.PayloadSizeExceeded, $"A message of {length} bytes exceeds the router's RawSocket limit of {routerLimit} bytes.");
            }

            await WriteFrameAsync(RawSocketFrame.TypeMessage, length).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
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
        while (true)
        {
            try
            {
                await stream.ReadExactlyAsync(_header, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException)
            {
                return null;
            }

            if (!RawSocketFrame.TryReadHeader(_header, out var type, out var length))
            {
                throw new WampProtocolException("The router sent a RawSocket frame header with reserved bits or an unknown type.");
            }

            if (length > ownLimit)
            {
                throw new WampProtocolException($"The router sent a message of {length} bytes, over the announced limit of {ownLimit} bytes.");
            }

            var payload = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            try
            {
                await stream.ReadExactlyAsync(payload.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                switch (type)
                {
                    case RawSocketFrame.TypeMessage:
                        return codec.Decode(new ReadOnlySequence<byte>(payload, 0, length));
                    case RawSocketFrame.TypePing:
                        await PongAsync(payload.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
            catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException)
            {
                return null;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(payload);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        _sendBuffer.Dispose();
        _writeLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task PongAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _sendBuffer.Clear();
            _sendBuffer.Advance(4);
            payload.Span.CopyTo(_sendBuffer.GetSpan(payload.Length));
            _sendBuffer.Advance(payload.Length);
            await WriteFrameAsync(RawSocketFrame.TypePong, payload.Length).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    // The payload sits after four reserved bytes in the send buffer; the header goes there so the
    // frame leaves in one write. Cancellation stops only the wait for the lock: a write canceled
    // half way would leave a partial frame and break the stream for every later message.
    private ValueTask WriteFrameAsync(byte type, int length)
    {
        var frame = MemoryMarshal.AsMemory(_sendBuffer.WrittenMemory);
        RawSocketFrame.WriteHeader(frame.Span, type, length);
        return stream.WriteAsync(frame, CancellationToken.None);
    }
}
