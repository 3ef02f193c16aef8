using System.Buffers;

namespace LiveStack.Wamp.Serialization;

/// <summary>A buffer writer that accepts nothing; parks reusable writers between uses.</summary>
internal sealed class NullBufferWriter : IBufferWriter<byte>
{
    public static readonly NullBufferWriter Instance = new();

    public void Advance(int count) => throw new InvalidOperationException("Writer is not attached to a buffer.");

    public Memory<byte> GetMemory(int sizeHint = 0) => throw new InvalidOperationException("Writer is not attached to a buffer.");

    public Span<byte> GetSpan(int sizeHint = 0) => throw new InvalidOperationException("Writer is not attached to a buffer.");
}
