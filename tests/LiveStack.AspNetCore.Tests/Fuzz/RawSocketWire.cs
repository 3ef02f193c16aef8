using System.Buffers.Binary;
using System.Net.Sockets;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>A <see cref="FuzzWire"/> over RawSocket: the 4-octet handshake, then length-prefixed frames.</summary>
internal sealed class RawSocketWire : FuzzWire
{
    private const byte Magic = 0x7F;
    private const byte TypeMessage = 0;
    private const byte TypePing = 1;
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly byte[] _header = new byte[4];

    private RawSocketWire(TcpClient client, IWampCodec codec)
        : base(codec)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public override WireKind Kind => WireKind.RawSocket;

    /// <summary>Connects and shakes hands announcing a 16 MiB maximum; <paramref name="receiveBuffer"/> shrinks the socket's receive buffer (for a client that stalls).</summary>
    public static async Task<RawSocketWire> ConnectAsync(int port, IWampCodec codec, int? receiveBuffer = null)
    {
        var client = new TcpClient();
        if (receiveBuffer is { } size)
        {
            client.ReceiveBufferSize = size;
        }

        using var timeout = new CancellationTokenSource(Patience);
        await client.ConnectAsync("127.0.0.1", port, timeout.Token);
        var wire = new RawSocketWire(client, codec);
        await wire._stream.WriteAsync(new byte[] { Magic, (byte)(0xF0 | (int)codec.Serializer), 0, 0 }, timeout.Token);
        await wire._stream.ReadExactlyAsync(wire._header, timeout.Token);
        if (wire._header[0] != Magic || (wire._header[1] & 0x0F) != (int)codec.Serializer)
        {
            throw new InvalidOperationException($"RawSocket handshake refused: {Convert.ToHexString(wire._header)}.");
        }

        return wire;
    }

    public override Task SendFrameAsync(byte[] payload) => SendRawFrameAsync(TypeMessage, payload);

    /// <summary>Sends a PING frame; the router answers with a PONG, which <see cref="ReceiveAnyAsync"/> skips.</summary>
    public Task SendPingAsync(byte[] payload) => SendRawFrameAsync(TypePing, payload);

    /// <summary>Writes bytes straight to the TCP stream, for frame headers the router must refuse.</summary>
    public async Task TrySendBytesAsync(byte[] bytes)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Patience);
            await _stream.WriteAsync(bytes, timeout.Token);
        }
        catch (Exception e) when (IsConnectionLoss(e))
        {
            // The router closed first; the ending it chose shows why.
        }
    }

    public override async Task SendPartialAndDropAsync(byte[] payload)
    {
        var frame = Frame(TypeMessage, payload);
        await TrySendBytesAsync(frame[..(4 + (payload.Length / 2))]);
        Drop();
    }

    // Linger 0 turns the close into a reset, as when a client crashes.
    public override void Drop()
    {
        _client.LingerState = new LingerOption(true, 0);
        _client.Close();
    }

    public override async Task<WampMessage?> ReceiveAnyAsync()
    {
        if (End is not null)
        {
            return null;
        }

        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            while (true)
            {
                if (!await ReadExactlyOrEndAsync(_header, timeout.Token))
                {
                    return null;
                }

                var type = _header[0] & 0x07;
                var length = (_header[1] << 16) | (_header[2] << 8) | _header[3];
                var payload = new byte[length];
                if (!await ReadExactlyOrEndAsync(payload, timeout.Token))
                {
                    return null;
                }

                // PONGs answer the PINGs some attacks send; they are not WAMP messages.
                if (type == TypeMessage)
                {
                    return Decode(payload, length);
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
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private static byte[] Frame(byte type, byte[] payload)
    {
        var frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)((type << 24) | payload.Length));
        payload.CopyTo(frame, 4);
        return frame;
    }

    private async Task SendRawFrameAsync(byte type, byte[] payload)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _stream.WriteAsync(Frame(type, payload), timeout.Token);
    }

    /// <summary>
    /// Fills <paramref name="buffer"/>; false when the connection ended first. A router that cuts a
    /// connection off (a stalled reader) may do so in the middle of a frame.
    /// </summary>
    private async Task<bool> ReadExactlyOrEndAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var count = await _stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (count == 0)
            {
                End = new WireEnd(null, "end of stream");
                return false;
            }

            read += count;
        }

        return true;
    }
}
