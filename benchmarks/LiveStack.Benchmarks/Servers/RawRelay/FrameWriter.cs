using System.Buffers;
using System.Buffers.Text;

namespace LiveStack.Benchmarks.Servers.RawRelay;

/// <summary>
/// The relay's only "serializer": appends literal bytes and decimal numbers in pooled scratch memory,
/// then copies the frame out once, so each frame sent costs exactly one allocation.
/// </summary>
internal ref struct FrameWriter
{
    private byte[] _scratch;
    private int _length;

    public FrameWriter(int payloadLength)
    {
        _scratch = ArrayPool<byte>.Shared.Rent(payloadLength + 96);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_scratch.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Write(long number)
    {
        Utf8Formatter.TryFormat(number, _scratch.AsSpan(_length), out var written);
        _length += written;
    }

    /// <summary>Returns the frame and gives the scratch memory back; the writer is spent afterwards.</summary>
    public byte[] ToArray()
    {
        var frame = _scratch.AsSpan(0, _length).ToArray();
        ArrayPool<byte>.Shared.Return(_scratch);
        _scratch = [];
        _length = 0;
        return frame;
    }
}
