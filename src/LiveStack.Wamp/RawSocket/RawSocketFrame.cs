using System.Buffers;
using System.Buffers.Binary;

namespace LiveStack.Wamp.RawSocket;

/// <summary>RawSocket wire facts, shared by the router's listener and the client: the 4-octet handshake and the 4-octet frame header.</summary>
public static class RawSocketFrame
{
    /// <summary>The first octet of both handshake halves.</summary>
    public const byte Magic = 0x7F;

    /// <summary>The largest payload RawSocket can express: 2^24 bytes (the X bit set, length 0).</summary>
    public const int MaxLength = 1 << 24;

    /// <summary>Frame type of a WAMP message.</summary>
    public const byte TypeMessage = 0;

    /// <summary>Frame type of a PING, which the other side answers with a PONG of the same payload.</summary>
    public const byte TypePing = 1;

    /// <summary>Frame type of a PONG.</summary>
    public const byte TypePong = 2;

    /// <summary>Handshake refusal: the serializer is not supported (refusal codes travel in the high nibble of the second octet).</summary>
    public const int ErrorSerializerUnsupported = 1;

    /// <summary>Handshake refusal: the maximum length is unacceptable.</summary>
    public const int ErrorLengthUnacceptable = 2;

    /// <summary>Handshake refusal: reserved bits were set.</summary>
    public const int ErrorReservedBitsUsed = 3;

    /// <summary>Handshake refusal: the router has reached its connection limit.</summary>
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
        ArgumentNullException.ThrowIfNull(output);
        WriteHeader(output.GetSpan(4), type, length);
        output.Advance(4);
    }

    /// <summary>Writes a frame header into the first four bytes of <paramref name="destination"/>.</summary>
    public static void WriteHeader(Span<byte> destination, byte type, int length)
    {
        var extra = length == MaxLength ? 0x08 : 0;
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)(((type | extra) << 24) | (length & 0xFFFFFF)));
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
