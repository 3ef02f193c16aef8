using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace LiveStack.Benchmarks.Servers.RawRelay;

/// <summary>
/// One relay socket, pumped like LiveStack's transport (zero-byte idle read, pooled receive buffer,
/// a bounded outbox drained by one send loop), so the two differ only in what sits between.
/// </summary>
internal sealed class RelayConnection
{
    private const int MaxMessageSize = 1024 * 1024;
    private readonly WebSocket _socket;
    private readonly RelayState _state;
    private readonly Channel<byte[]> _outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(1024)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    // Touched only by the receive loop, then by the cleanup after it.
    private readonly List<RelayTopic> _topics = [];

    public RelayConnection(WebSocket socket, RelayState state)
    {
        _socket = socket;
        _state = state;
        Id = state.NextConnectionId();
    }

    public int Id { get; }

    public void Send(byte[] frame) => _outbox.Writer.TryWrite(frame);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _state.Add(this);
        var sending = SendLoopAsync(cancellationToken);
        try
        {
            await ReceiveLoopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or InvalidDataException)
        {
            // The client went away or sent something this relay does not understand: drop the connection.
        }
        finally
        {
            _state.Remove(this, _topics);
            _outbox.Writer.TryComplete();
            try
            {
                await sending.ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
            {
                // Already closing.
            }
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        while (_socket.State == WebSocketState.Open)
        {
            var peek = await _socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
            if (peek.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(4096);
            var length = 0;
            try
            {
                var endOfMessage = peek.EndOfMessage;
                while (!endOfMessage)
                {
                    if (length == buffer.Length)
                    {
                        var grown = length < MaxMessageSize ? ArrayPool<byte>.Shared.Rent(length * 2) : throw new InvalidDataException("Message too large.");
                        buffer.AsSpan(0, length).CopyTo(grown);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = grown;
                    }

                    var result = await _socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    length += result.Count;
                    endOfMessage = result.EndOfMessage;
                }

                Handle(buffer.AsSpan(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private void Handle(ReadOnlySpan<byte> frame)
    {
        var position = 1;
        var code = RelayFrames.ReadNumber(frame, ref position);
        switch (code)
        {
            case RelayFrames.Hello:
            {
                var welcome = new FrameWriter(0);
                welcome.Write("[2,"u8);
                welcome.Write(Id);
                welcome.Write(",{}]"u8);
                Send(welcome.ToArray());
                break;
            }

            case RelayFrames.Subscribe:
            {
                var request = RelayFrames.ReadNumber(frame, ref position);
                var topic = _state.Subscribe(Encoding.UTF8.GetString(RelayFrames.ReadString(frame, ref position)), this);
                _topics.Add(topic);
                var subscribed = new FrameWriter(0);
                subscribed.Write("[33,"u8);
                subscribed.Write(request);
                subscribed.Write(","u8);
                subscribed.Write(topic.Id);
                subscribed.Write("]"u8);
                Send(subscribed.ToArray());
                break;
            }

            case RelayFrames.Publish:
            {
                RelayFrames.ReadNumber(frame, ref position);
                var topic = _state.FindTopic(RelayFrames.ReadString(frame, ref position));
                if (topic is null || topic.Subscribers is not { Length: > 0 } subscribers)
                {
                    return;
                }

                // One frame for all subscribers, as a router serializes an EVENT once per fan-out.
                var arguments = RelayFrames.Arguments(frame, position + 1);
                var writer = new FrameWriter(arguments.Length);
                writer.Write("[36,"u8);
                writer.Write(topic.Id);
                writer.Write(","u8);
                writer.Write(_state.NextPublicationId());
                writer.Write(",{},"u8);
                writer.Write(arguments);
                writer.Write("]"u8);
                var eventFrame = writer.ToArray();
                foreach (var subscriber in subscribers)
                {
                    subscriber.Send(eventFrame);
                }

                break;
            }

            case RelayFrames.Register:
            {
                var request = RelayFrames.ReadNumber(frame, ref position);
                _state.Callee = this;
                var registered = new FrameWriter(0);
                registered.Write("[65,"u8);
                registered.Write(request);
                registered.Write(",1]"u8);
                Send(registered.ToArray());
                break;
            }

            case RelayFrames.Call:
            {
                var request = RelayFrames.ReadNumber(frame, ref position);
                RelayFrames.ReadString(frame, ref position);
                var arguments = RelayFrames.Arguments(frame, position + 1);
                if (_state.Callee is not { } callee)
                {
                    var error = new FrameWriter(0);
                    error.Write("[8,48,"u8);
                    error.Write(request);
                    error.Write(",{},\"wamp.error.no_such_procedure\"]"u8);
                    Send(error.ToArray());
                    return;
                }

                // The invocation id carries the caller's connection and request id, so the result
                // finds its way back without a pending-call table.
                var invocation = new FrameWriter(arguments.Length);
                invocation.Write("[68,"u8);
                invocation.Write(((long)Id << 32) | (uint)request);
                invocation.Write(",1,{},"u8);
                invocation.Write(arguments);
                invocation.Write("]"u8);
                callee.Send(invocation.ToArray());
                break;
            }

            case RelayFrames.Yield:
            {
                var invocation = RelayFrames.ReadNumber(frame, ref position);
                var arguments = RelayFrames.Arguments(frame, position + frame[position..].IndexOf("},"u8) + 2);
                if (_state.FindConnection((int)(invocation >> 32)) is not { } caller)
                {
                    return;
                }

                var result = new FrameWriter(arguments.Length);
                result.Write("[50,"u8);
                result.Write(invocation & uint.MaxValue);
                result.Write(",{},"u8);
                result.Write(arguments);
                result.Write("]"u8);
                caller.Send(result.ToArray());
                break;
            }

            case RelayFrames.Goodbye:
                Send("[6,{},\"wamp.close.goodbye_and_out\"]"u8.ToArray());
                // The send loop flushes the reply, then closes the WebSocket.
                _outbox.Writer.TryComplete();
                break;
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        var reader = _outbox.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var frame))
            {
                await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
        }

        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
        }
    }
}
