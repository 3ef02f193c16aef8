using System.Buffers;
using System.Net.WebSockets;
using LiveStack.Router.Sessions;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;
using Microsoft.Extensions.Logging;

namespace LiveStack.AspNetCore.WebSockets;

/// <summary>
/// Pumps one WebSocket: exactly one WAMP message per WebSocket message in both directions.
/// A receive loop feeds the session; a send loop drains its outbox; whichever ends first
/// starts the close, and the other gets <see cref="LiveStackOptions.CloseTimeout"/> to finish.
/// </summary>
internal sealed class WebSocketTransport(WebSocket socket, IWampCodec codec, RouterSession session, LiveStackOptions options, ILogger logger, string peer)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // A slow consumer cut off by the router loses its socket at once; aborting the socket ends
        // both loops, which is cheaper per idle connection than a linked cancellation source.
        using var abortWhenCutOff = session.Aborted.UnsafeRegister(static state => ((WebSocket)state!).Abort(), socket);
        var receiving = ReceiveLoopAsync(cancellationToken);
        var sending = SendLoopAsync(cancellationToken);
        try
        {
            var first = await Task.WhenAny(receiving, sending).ConfigureAwait(false);
            if (first == receiving)
            {
                // The peer closed or broke the connection: the session leaves, the send loop ends.
                session.TransportClosed();
            }

            var other = first == receiving ? sending : receiving;
            if (await Task.WhenAny(other, Task.Delay(options.CloseTimeout, CancellationToken.None)).ConfigureAwait(false) != other)
            {
                socket.Abort();
            }
        }
        finally
        {
            session.TransportClosed();
            if (!receiving.IsCompleted || !sending.IsCompleted)
            {
                socket.Abort();
            }

            await Task.WhenAll(Observe(receiving), Observe(sending)).ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                // A zero-byte read first, so an idle connection holds no receive buffer.
                var peek = await socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
                if (peek.MessageType == WebSocketMessageType.Close)
                {
                    HostingLog.ConnectionClosed(logger, peer, "the peer closed the WebSocket");
                    return;
                }

                if (!await ReceiveMessageAsync(peek, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            HostingLog.ConnectionClosed(logger, peer, e.Message);
        }
    }

    /// <summary>Reads one whole message and hands it to the session; false when the connection should stop reading.</summary>
    private async Task<bool> ReceiveMessageAsync(ValueWebSocketReceiveResult peek, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        try
        {
            // An empty message ends here and then fails to decode, as it should.
            var endOfMessage = peek.EndOfMessage;
            while (!endOfMessage)
            {
                if (length == buffer.Length)
                {
                    if (length >= options.MaxMessageSize)
                    {
                        session.ReceiveOversized(length + 1, options.MaxMessageSize);
                        return false;
                    }

                    var grown = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, options.MaxMessageSize + 1));
                    buffer.AsSpan(0, length).CopyTo(grown);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = grown;
                }

                var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return false;
                }

                length += result.Count;
                endOfMessage = result.EndOfMessage;
                if (length > options.MaxMessageSize)
                {
                    session.ReceiveOversized(length, options.MaxMessageSize);
                    return false;
                }
            }

            WampMessage message;
            try
            {
                message = codec.Decode(new ReadOnlySequence<byte>(buffer, 0, length));
            }
            catch (WampProtocolException e)
            {
                session.ReceiveMalformed(e.Message);
                return false;
            }

            await session.ReceiveAsync(message).ConfigureAwait(false);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        var outgoing = session.Outgoing;
        var messageType = codec.IsBinary ? WebSocketMessageType.Binary : WebSocketMessageType.Text;
        try
        {
            while (await outgoing.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // One pooled buffer per burst: returned as soon as the queue runs dry.
                using var scratch = new PooledBufferWriter();
                while (outgoing.TryRead(out var message))
                {
                    if (!OutgoingEncoding.TryEncode(message, codec, scratch, session, logger, out var bytes))
                    {
                        continue;
                    }

                    await socket.SendAsync(bytes, messageType, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                    session.OnMessageSent();
                }
            }

            // The session is over and its last message is out: close the WebSocket politely.
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            HostingLog.ConnectionClosed(logger, peer, e.Message);
        }
    }

    private static async Task Observe(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutdown path; nothing to report.
        }
    }
}
