using System.Numerics;

namespace LiveStack.Benchmarks.Client;

/// <summary>
/// Latencies in nanoseconds, log-linear buckets (64 per power of two, so within 1.6 %), fixed size
/// and allocation-free to record. One per receive loop; merged after the run.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 6;
    private readonly long[] _counts = new long[64 << SubBucketBits];

    public long Count { get; private set; }

    public void Record(long nanoseconds)
    {
        _counts[Index(Math.Max(nanoseconds, 0))]++;
        Count++;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The latency below which <paramref name="percentile"/> % of the samples fall, in milliseconds; null without samples.</summary>
    public double? Milliseconds(double percentile)
    {
        if (Count == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(percentile / 100 * Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Midpoint(i) / 1e6;
            }
        }

        return Midpoint(_counts.Length - 1) / 1e6;
    }

    private static int Index(long value)
    {
        if (value < 2 << SubBucketBits)
        {
            return (int)value;
        }

        var shift = 63 - BitOperations.LeadingZeroCount((ulong)value) - SubBucketBits;
        return (shift << SubBucketBits) + (int)(value >> shift);
    }

    private static double Midpoint(int index)
    {
        if (index < 2 << SubBucketBits)
        {
            return index;
        }

        var shift = (index >> SubBucketBits) - 1;
        var lower = (long)((index & ((1 << SubBucketBits) - 1)) | (1 << SubBucketBits)) << shift;
        return lower + ((1L << shift) / 2.0);
    }
}
