using System.Buffers.Text;

namespace LiveStack.Benchmarks.Servers.RawRelay;

/// <summary>
/// Positional scanning of the few frames the load client sends (always with empty options), e.g.
/// <c>[16,7,{},"bench.fanout",["T…"]]</c>. Not a JSON parser: anything else is undefined.
/// </summary>
internal static class RelayFrames
{
    public const long Hello = 1;
    public const long Goodbye = 6;
    public const long Publish = 16;
    public const long Subscribe = 32;
    public const long Call = 48;
    public const long Register = 64;
    public const long Yield = 70;

    /// <summary>Reads the unsigned number at <paramref name="position"/> and moves past the comma after it.</summary>
    public static long ReadNumber(ReadOnlySpan<byte> frame, ref int position)
    {
        if (!Utf8Parser.TryParse(frame[position..], out long value, out var consumed))
        {
            throw new InvalidDataException("Expected a number.");
        }

        position += consumed + 1;
        return value;
    }

    /// <summary>Returns the next quoted string's bytes and moves past its closing quote.</summary>
    public static ReadOnlySpan<byte> ReadString(ReadOnlySpan<byte> frame, ref int position)
    {
        var start = position + frame[position..].IndexOf((byte)'"') + 1;
        var end = start + frame[start..].IndexOf((byte)'"');
        if (end < start)
        {
            throw new InvalidDataException("Expected a string.");
        }

        position = end + 1;
        return frame[start..end];
    }

    /// <summary>The payload (the arguments list) of a frame that ends with it: everything from <c>[</c> at <paramref name="start"/> to the frame's last byte, exclusive.</summary>
    public static ReadOnlySpan<byte> Arguments(ReadOnlySpan<byte> frame, int start) =>
        frame[start] == (byte)'[' ? frame[start..^1] : throw new InvalidDataException("Expected the arguments list.");
}
