namespace LiveStack.Benchmarks.Client;

/// <summary>A receive buffer that grows when a message does not fit; owned by one receive loop.</summary>
internal sealed class ReceiveBuffer(int initialSize)
{
    private byte[] _array = new byte[initialSize];

    public int Capacity => _array.Length;

    public Memory<byte> From(int offset) => _array.AsMemory(offset);

    public ReadOnlySpan<byte> Span(int length) => _array.AsSpan(0, length);

    public void Grow()
    {
        var grown = new byte[_array.Length * 2];
        _array.CopyTo(grown, 0);
        _array = grown;
    }
}
