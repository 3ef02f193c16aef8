using System.Buffers;

namespace LiveStack.Wamp.Tests.Support;

/// <summary>
/// Builds multi-segment sequences, the shape a transport's pipe hands to a codec when a frame
/// spans several buffers.
/// </summary>
internal static class Segments
{
    public static ReadOnlySequence<byte> Split(byte[] frame, int segmentLength)
    {
        if (frame.Length <= segmentLength)
        {
            return new ReadOnlySequence<byte>(frame);
        }

        var first = new Segment(frame.AsMemory(0, segmentLength));
        var last = first;
        for (var start = segmentLength; start < frame.Length; start += segmentLength)
        {
            last = last.Append(frame.AsMemory(start, Math.Min(segmentLength, frame.Length - start)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
