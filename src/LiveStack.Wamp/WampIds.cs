using System.Security.Cryptography;

namespace LiveStack.Wamp;

/// <summary>Facts and generators for WAMP ids, which are integers in [1, 2^53].</summary>
public static class WampIds
{
    /// <summary>The largest valid id, 2^53 (the largest integer a JSON double holds exactly).</summary>
    public const long Max = 1L << 53;

    /// <summary>True when <paramref name="id"/> is in [1, 2^53].</summary>
    public static bool IsValid(long id) => id is >= 1 and <= Max;

    /// <summary>
    /// A global-scope id (sessions, publications): drawn uniformly from [1, 2^53] so peers
    /// cannot guess another session's id.
    /// </summary>
    public static long NewGlobalId()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return (long)(BitConverter.ToUInt64(bytes) % (ulong)Max) + 1;
    }

    /// <summary>The id that follows <paramref name="id"/> in a sequential scope, wrapping from 2^53 to 1.</summary>
    public static long Next(long id) => id >= Max ? 1 : id + 1;
}
