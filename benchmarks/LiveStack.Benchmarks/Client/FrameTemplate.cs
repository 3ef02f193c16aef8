namespace LiveStack.Benchmarks.Client;

/// <summary>
/// A precomputed frame in which only the request id and the payload's timestamp change:
/// <c>head [id] middle timestamp tail</c>. Writing one is a few copies, so the client stays cheap.
/// </summary>
internal sealed class FrameTemplate(byte[] head, bool hasId, byte[] middle, byte[] tail)
{
    public int MaxLength => head.Length + 20 + middle.Length + Payload.TimestampDigits + tail.Length;

    /// <summary>Writes the frame for <paramref name="socket"/> (taking its next request id if the frame has one); returns its length.</summary>
    public int Write(Span<byte> destination, BenchSocket socket, long timestamp)
    {
        head.CopyTo(destination);
        var length = head.Length;
        if (hasId)
        {
            System.Buffers.Text.Utf8Formatter.TryFormat(socket.NextRequestId(), destination[length..], out var written);
            length += written;
        }

        middle.CopyTo(destination[length..]);
        length += middle.Length;
        Payload.WriteTimestamp(destination[length..], timestamp);
        length += Payload.TimestampDigits;
        tail.CopyTo(destination[length..]);
        return length + tail.Length;
    }
}
