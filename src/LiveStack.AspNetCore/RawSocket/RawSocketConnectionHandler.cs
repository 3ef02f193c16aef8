using LiveStack.Wamp.RawSocket;
using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Threading.Channels;
using LiveStack.Router;
using LiveStack.Router.Sessions;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveStack.AspNetCore.RawSocket;

/// <summary>
/// WAMP over RawSocket on a Kestrel listener: the handshake (serializer and maximum length),
/// then length-prefixed frames with PING/PONG. Outgoing frames never exceed the client's maximum.
/// </summary>
internal sealed class RawSocketConnectionHandler(WampRouter router, IOptions<LiveStackOptions> options, ILoggerFactory loggerFactory) : ConnectionHandler
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("LiveStack.AspNetCore.RawSocket");

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var settings = options.Value;
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        var peer = $"tcp:{connection.RemoteEndPoint}";
        try
        {
            var handshake = await ReadHandshakeAsync(input, connection.ConnectionClosed).ConfigureAwait(false);
            if (handshake is null)
            {
                return;
            }

            var (clientMaxLength, codec, error) = handshake.Value;
            RouterSession? opened = null;
            if (error == 0)
            {
                var address = (connection.RemoteEndPoint as IPEndPoint)?.Address.ToString();
                opened = router.TryOpenSession(new TransportDetails("rawsocket", codec!.Subprotocol["wamp.2.".Length..], peer) { ClientAddress = address });
                error = opened is null ? RawSocketFrame.ErrorConnectionLimit : 0;
            }

            if (error != 0)
            {
                HostingLog.RawSocketRefused(_logger, peer, error);
                await output.WriteAsync(new byte[] { RawSocketFrame.Magic, (byte)(error << 4), 0, 0 }, connection.ConnectionClosed).ConfigureAwait(false);
                return;
            }

            using var session = opened!;
            var maxLength = settings.RawSocket.MaxMessageSize ?? settings.MaxMessageSize;
            var ownExponent = RawSocketFrame.ExponentForLength(maxLength);
            await output.WriteAsync(new byte[] { RawSocketFrame.Magic, (byte)((ownExponent << 4) | (int)codec!.Serializer), 0, 0 }, connection.ConnectionClosed).ConfigureAwait(false);

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, session.Aborted);
            var pongs = Channel.CreateBounded<byte[]>(8);
            var receiving = ReceiveLoopAsync(input, session, codec, maxLength, pongs.Writer, linked.Token);
            var sending = SendLoopAsync(output, session, codec, clientMaxLength, pongs.Reader, linked.Token);
            await Task.WhenAny(receiving, sending).ConfigureAwait(false);
            session.TransportClosed();
            pongs.Writer.TryComplete();
            await Task.WhenAny(sending, Task.Delay(settings.CloseTimeout, CancellationToken.None)).ConfigureAwait(false);
            if (session.Aborted.IsCancellationRequested || !sending.IsCompleted)
            {
                // Once the handler returns, Kestrel keeps trying to deliver what is still buffered, for
                // ever if the peer has stopped reading: a cut-off slow consumer (or one whose last
                // messages did not go out in time) would hold its connection open indefinitely.
                connection.Abort(new ConnectionAbortedException("The session was cut off or its last messages could not be delivered in time."));
            }

            await linked.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(Quietly(receiving), Quietly(sending)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ConnectionResetException or IOException or OperationCanceledException)
        {
            HostingLog.ConnectionFailed(_logger, peer, e);
        }
        finally
        {
            await input.CompleteAsync().ConfigureAwait(false);
            await output.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static async Task<(int ClientMaxLength, IWampCodec? Codec, int Error)?> ReadHandshakeAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (buffer.Length >= 4)
            {
                var bytes = new byte[4];
                buffer.Slice(0, 4).CopyTo(bytes);
                input.AdvanceTo(buffer.GetPosition(4));
                if (bytes[0] != RawSocketFrame.Magic)
                {
                    // Not RawSocket at all: fail the connection without a reply.
                    return null;
                }

                if (bytes[2] != 0 || bytes[3] != 0)
                {
                    return (0, null, RawSocketFrame.ErrorReservedBitsUsed);
                }

                var codec = WampCodecs.FromSerializer((WampSerializer)(bytes[1] & 0x0F));
                return codec is null
                    ? (0, null, RawSocketFrame.ErrorSerializerUnsupported)
                    : (RawSocketFrame.LengthFromExponent(bytes[1] >> 4), codec, 0);
            }

            if (read.IsCompleted)
            {
                return null;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static async Task ReceiveLoopAsync(PipeReader input, RouterSession session, IWampCodec codec, int maxLength, ChannelWriter<byte[]> pongs, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            var keepReading = true;
            try
            {
                while (keepReading && TryReadFrame(ref buffer, maxLength, out var frame))
                {
                    keepReading = frame.Type switch
                    {
                        FrameKind.Message => await DeliverAsync(session, codec, frame.Payload).ConfigureAwait(false),
                        FrameKind.Ping => QueuePong(pongs, frame.Payload),
                        FrameKind.Pong => true,
                        FrameKind.Invalid => Fail(session, "Invalid RawSocket frame header."),
                        _ => Oversized(session, frame.Length, maxLength),
                    };
                }
            }
            finally
            {
                input.AdvanceTo(buffer.Start, buffer.End);
            }

            if (!keepReading || read.IsCompleted)
            {
                return;
            }
        }
    }

    private enum FrameKind
    {
        Message,
        Ping,
        Pong,
        Invalid,
        Oversized,
    }

    private readonly record struct Frame(FrameKind Type, ReadOnlySequence<byte> Payload, int Length);

    /// <summary>Takes one complete frame (or a header that must end the connection) off the buffer.</summary>
    private static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxLength, out Frame frame)
    {
        frame = default;
        if (buffer.Length < 4)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(header);
        if (!RawSocketFrame.TryReadHeader(header, out var type, out var length))
        {
            frame = new Frame(FrameKind.Invalid, default, 0);
            return true;
        }

        if (length > maxLength)
        {
            frame = new Frame(FrameKind.Oversized, default, length);
            return true;
        }

        if (buffer.Length < 4 + length)
        {
            return false;
        }

        var kind = type switch
        {
            RawSocketFrame.TypePing => FrameKind.Ping,
            RawSocketFrame.TypePong => FrameKind.Pong,
            _ => FrameKind.Message,
        };
        frame = new Frame(kind, buffer.Slice(4, length), length);
        buffer = buffer.Slice(4 + length);
        return true;
    }

    private static async ValueTask<bool> DeliverAsync(RouterSession session, IWampCodec codec, ReadOnlySequence<byte> payload)
    {
        WampMessage message;
        try
        {
            message = codec.Decode(payload);
        }
        catch (WampProtocolException e)
        {
            session.ReceiveMalformed(e.Message);
            return false;
        }

        await session.ReceiveAsync(message).ConfigureAwait(false);
        return true;
    }

    /// <summary>Each PING gets one PONG echoing its payload; a flood beyond the small queue is dropped, and reading goes on.</summary>
    private static bool QueuePong(ChannelWriter<byte[]> pongs, ReadOnlySequence<byte> payload)
    {
        pongs.TryWrite(payload.ToArray());
        return true;
    }

    private static bool Fail(RouterSession session, string reason)
    {
        session.ReceiveMalformed(reason);
        return false;
    }

    private static bool Oversized(RouterSession session, int length, int maxLength)
    {
        session.ReceiveOversized(length, maxLength);
        return false;
    }

    private async Task SendLoopAsync(PipeWriter output, RouterSession session, IWampCodec codec, int clientMaxLength, ChannelReader<byte[]> pongs, CancellationToken cancellationToken)
    {
        var outgoing = session.Outgoing;
        var scratch = new PooledBufferWriter(256);
        try
        {
            // Both waits survive across bursts, so an idle side never piles up waiters.
            Task<bool>? waitMessage = null;
            Task<bool>? waitPong = null;
            var pongsOpen = true;
            while (true)
            {
                waitMessage ??= outgoing.WaitToReadAsync(cancellationToken).AsTask();
                if (pongsOpen)
                {
                    waitPong ??= pongs.WaitToReadAsync(cancellationToken).AsTask();
                    await Task.WhenAny(waitMessage, waitPong).ConfigureAwait(false);
                }
                else
                {
                    await waitMessage.ConfigureAwait(false);
                }

                var outgoingOpen = true;
                if (waitMessage.IsCompleted)
                {
                    outgoingOpen = await waitMessage.ConfigureAwait(false);
                    waitMessage = null;
                }

                if (waitPong is { IsCompleted: true })
                {
                    pongsOpen = await waitPong.ConfigureAwait(false);
                    waitPong = null;
                }

                while (pongs.TryRead(out var ping))
                {
                    RawSocketFrame.WriteHeader(output, RawSocketFrame.TypePong, ping.Length);
                    output.Write(ping);
                }

                while (outgoing.TryRead(out var message))
                {
                    if (!OutgoingEncoding.TryEncode(message, codec, scratch, session, _logger, out var bytes))
                    {
                        continue;
                    }

                    session.OnMessageSent();
                    if (bytes.Length > clientMaxLength)
                    {
                        // The client said it cannot take this much; an event is lost for this client
                        // alone, anything else would leave it waiting, so the session ends.
                        if (message.Message.Code != MessageCode.Event)
                        {
                            session.Abort(WampErrors.PayloadSizeExceeded, "A reply exceeded the client's maximum message length.");
                        }

                        continue;
                    }

                    RawSocketFrame.WriteHeader(output, RawSocketFrame.TypeMessage, bytes.Length);
                    output.Write(bytes.Span);
                }

                // One flush per burst: the pipe batches the frames into as few socket writes as possible.
                var flush = await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (flush.IsCompleted)
                {
                    return;
                }

                if (!outgoingOpen)
                {
                    return;
                }
            }
        }
        finally
        {
            scratch.Dispose();
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ConnectionResetException or InvalidOperationException)
        {
            // The connection is going away; its loops' last errors carry no news.
        }
    }
}
