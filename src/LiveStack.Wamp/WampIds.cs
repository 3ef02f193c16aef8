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
        // One call into the OS random source costs about a microsecond, far more than routing a
        // small event, so each thread draws 64 ids' worth of bytes at a time.
        var pool = t_randomPool ??= new byte[512];
        if (t_randomOffset == 0)
        {
            RandomNumberGenerator.Fill(pool);
        }

        var value = BitConverter.ToUInt64(pool, t_randomOffset);
        t_randomOffset = (t_randomOffset + 8) % pool.Length;
        // 2^64 is a multiple of 2^53, so the low 53 bits are uniform and the id is uniform over [1, 2^53].
        return (long)(value % (ulong)Max) + 1;
    }

    [ThreadStatic]
    private static byte[]? t_randomPool;

    [ThreadStatic]
    private static int t_randomOffset;

    /// <summary>The id that follows <paramref name="id"/> in a sequential scope, wrapping from 2^53 to 1.</summary>
    public static long Next(long id) => id >= Max ? 1 : id + 1;
}
