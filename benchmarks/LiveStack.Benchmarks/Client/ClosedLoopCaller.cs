using System.Diagnostics;
using System.Text;

namespace LiveStack.Benchmarks.Client;

/// <summary>One caller with one call in flight: send, wait for the result, repeat.</summary>
internal sealed class ClosedLoopCaller(BenchSocket socket, Wire wire, FrameTemplate call) : LoadProbe
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var frame = new byte[call.MaxLength];
        var buffer = new ReceiveBuffer(16 * 1024);
        while (!cancellationToken.IsCancellationRequested)
        {
            var length = call.Write(frame, socket, Stopwatch.GetTimestamp());
            await socket.SendAsync(frame.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            do
            {
                length = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (length < 0)
                {
                    return;
                }
            }
            while (!IsResult(buffer.Span(length)));
        }
    }

    private bool IsResult(ReadOnlySpan<byte> message)
    {
        var now = Stopwatch.GetTimestamp();
        var found = false;
        foreach (var record in wire.Split(message))
        {
            if (Payload.TryReadTimestamp(record, out var sent))
            {
                Completed(sent, now);
                found = true;
            }
            else if (wire.IsError(record))
            {
                throw new InvalidOperationException("The call failed: " + Encoding.UTF8.GetString(record));
            }
        }

        return found;
    }
}
