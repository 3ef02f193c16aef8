using System.Diagnostics;

namespace LiveStack.Benchmarks.Client;

/// <summary>
/// A loop of the load client that counts what it completes (events received, calls answered,
/// sessions opened and closed) and, while <see cref="Recording"/>, records how long each took.
/// Only the loop itself writes; the scenario reads the count between windows.
/// </summary>
internal abstract class LoadProbe
{
    private static readonly double NanosecondsPerTick = 1e9 / Stopwatch.Frequency;
    private long _count;
    private volatile bool _recording;

    public long Count => Volatile.Read(ref _count);

    public bool Recording
    {
        set => _recording = value;
    }

    public LatencyHistogram Latency { get; } = new();

    protected void Completed(long startTimestamp, long endTimestamp)
    {
        Volatile.Write(ref _count, _count + 1);
        if (_recording)
        {
            Latency.Record((long)((endTimestamp - startTimestamp) * NanosecondsPerTick));
        }
    }
}
