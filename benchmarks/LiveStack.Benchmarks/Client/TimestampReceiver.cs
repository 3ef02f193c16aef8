using System.Diagnostics;
using System.Text;

namespace LiveStack.Benchmarks.Client;

/// <summary>
/// Reads a socket and counts every record that carries a payload (an EVENT, a RESULT, a hub
/// message), with its latency from the send time inside it. Anything that is an error fails the run.
/// </summary>
internal sealed class TimestampReceiver(BenchSocket socket, Wire wire, FlowWindow? window) : LoadProbe
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new ReceiveBuffer(16 * 1024);
        while (!cancellationToken.IsCancellationRequested)
        {
            var length = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (length < 0)
            {
                return;
            }

            Consume(buffer.Span(length));
        }
    }

    private void Consume(ReadOnlySpan<byte> message)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var record in wire.Split(message))
        {
            if (Payload.TryReadTimestamp(record, out var sent))
            {
                Completed(sent, now);
                window?.Delivered();
            }
            else if (wire.IsError(record))
            {
                throw new InvalidOperationException("The server answered with an error: " + Encoding.UTF8.GetString(record));
            }
        }
    }
}
