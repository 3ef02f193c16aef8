using System.Buffers;
using System.Buffers.Binary;

namespace LiveStack.AspNetCore.RawSocket;

/// <summary>RawSocket wire facts: the 4-octet handshake and the 4-octet frame header.</summary>
internal static class RawSocketFrame
{
    public const byte Magic = 0x7F;

    /// <summary>The largest payload RawSocket can express: 2^24 bytes (the X bit set, length 0).</summary>
    public const int MaxLength = 1 << 24;

    public const byte TypeMessage = 0;
    public const byte TypePing = 1;
    public const byte TypePong = 2;

    /// <summary>Handshake refusal codes (the high nibble of the second octet).</summary>
    public const int ErrorSerializerUnsupported = 1;
    public const int ErrorLengthUnacceptable = 2;
    public const int ErrorReservedBitsUsed = 3;
    public const int ErrorConnectionLimit = 4;

    /// <summary>The maximum message length a handshake exponent L announces: 2^(9+L).</summary>
    public static int LengthFromExponent(int exponent) => 1 << (9 + exponent);

    /// <summary>The largest exponent whose length does not exceed <paramref name="maxLength"/>.</summary>
    public static int ExponentForLength(int maxLength)
    {
        var exponent = 0;
        while (exponent < 15 && LengthFromExponent(exponent + 1) <= maxLength)
        {
            exponent++;
        }

        return exponent;
    }

    /// <summary>Writes a frame header: reserved bits zero, X set only for a 2^24-byte payload.</summary>
    public static void WriteHeader(IBufferWriter<byte> output, byte type, int length)
    {
        var header = output.GetSpan(4);
        var extra = length == MaxLength ? 0x08 : 0;
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)(((type | extra) << 24) | (length & 0xFFFFFF)));
        output.Advance(4);
    }

    /// <summary>Parses a frame header; false when reserved bits are set or the type is unknown.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> header, out byte type, out int length)
    {
        var first = header[0];
        type = (byte)(first & 0x07);
        length = (header[1] << 16) | (header[2] << 8) | header[3];
        if ((first & 0x08) != 0)
        {
            length += MaxLength;
        }

        return (first & 0xF0) == 0 && type <= TypePong && length <= MaxLength;
    }
}
