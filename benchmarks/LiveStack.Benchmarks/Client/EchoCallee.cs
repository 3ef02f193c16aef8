namespace LiveStack.Benchmarks.Client;

/// <summary>The callee: answers every invocation at once with its own payload.</summary>
internal sealed class EchoCallee(BenchSocket socket, Wire wire)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new ReceiveBuffer(16 * 1024);
        var replies = new List<(int Start, int Length)>();
        var output = new byte[buffer.Capacity + 256];
        while (!cancellationToken.IsCancellationRequested)
        {
            var length = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (length < 0)
            {
                return;
            }

            if (output.Length < (2 * length) + 256)
            {
                output = new byte[(2 * length) + 256];
            }

            replies.Clear();
            WriteReplies(buffer.Span(length), output, replies);
            foreach (var (start, count) in replies)
            {
                await socket.SendAsync(output.AsMemory(start, count), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void WriteReplies(ReadOnlySpan<byte> message, Span<byte> output, List<(int Start, int Length)> replies)
    {
        var used = 0;
        foreach (var record in wire.Split(message))
        {
            var written = wire.WriteReply(record, output[used..]);
            if (written > 0)
            {
                replies.Add((used, written));
                used += written;
            }
        }
    }
}
