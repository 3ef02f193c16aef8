namespace LiveStack.Benchmarks.Client;

/// <summary>A server process's counters at one moment.</summary>
/// <param name="CpuSeconds">User plus system CPU time so far.</param>
/// <param name="AllocatedBytes">Bytes the process has allocated on the GC heap so far.</param>
/// <param name="HeapBytes">Live GC heap bytes (after a full collection when one was asked for).</param>
/// <param name="RssBytes">Resident set size.</param>
internal sealed record ServerSnapshot(double CpuSeconds, long AllocatedBytes, long HeapBytes, long RssBytes);
