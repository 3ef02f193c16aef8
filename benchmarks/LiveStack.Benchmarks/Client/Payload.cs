using System.Buffers;
using System.Buffers.Text;

namespace LiveStack.Benchmarks.Client;

/// <summary>
/// The payload every server carries: one JSON string of the chosen size, <c>"T</c> + the send time
/// (<see cref="System.Diagnostics.Stopwatch"/> ticks, 19 digits) + <c>x</c> padding. Receivers find
/// it with one vectorised search for <c>"T</c>, which no other field of any frame here contains.
/// </summary>
internal static class Payload
{
    public const int TimestampDigits = 19;

    /// <summary>The smallest payload: the marker letter and the timestamp.</summary>
    public const int MinSize = 1 + TimestampDigits;

    private static readonly StandardFormat Digits = new('D', TimestampDigits);

    /// <summary>The bytes that follow the timestamp to make the payload <paramref name="size"/> bytes long.</summary>
    public static byte[] Padding(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, MinSize);
        var padding = new byte[size - MinSize];
        padding.AsSpan().Fill((byte)'x');
        return padding;
    }

    public static void WriteTimestamp(Span<byte> destination, long timestamp) =>
        Utf8Formatter.TryFormat(timestamp, destination, out _, Digits);

    public static bool TryReadTimestamp(ReadOnlySpan<byte> record, out long timestamp)
    {
        var marker = record.IndexOf("\"T"u8);
        timestamp = 0;
        return marker >= 0
            && record.Length >= marker + 2 + TimestampDigits
            && Utf8Parser.TryParse(record.Slice(marker + 2, TimestampDigits), out timestamp, out _);
    }
}
