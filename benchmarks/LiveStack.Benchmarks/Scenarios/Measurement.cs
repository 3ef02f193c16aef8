namespace LiveStack.Benchmarks.Scenarios;

/// <summary>
/// The result of one scenario on one server. <see cref="Messages"/> are what the client saw complete
/// in the measured window: events delivered, calls answered, sessions joined and left, or (idle)
/// sessions opened.
/// </summary>
internal sealed record Measurement(string Group, string Scenario, ServerKind Server)
{
    public long Messages { get; init; }

    public double Seconds { get; init; }

    public double ServerCpuSeconds { get; init; }

    public long ServerAllocatedBytes { get; init; }

    /// <summary>The load client's own CPU time in the window: near 2 cores means the client, not the server, set the pace.</summary>
    public double ClientCpuSeconds { get; init; }

    public double? P50Milliseconds { get; init; }

    public double? P99Milliseconds { get; init; }

    /// <summary>Idle scenarios: the growth of the server's RSS and of its live GC heap.</summary>
    public long? RssGrowthBytes { get; init; }

    public long? HeapGrowthBytes { get; init; }

    public string? Error { get; init; }

    public double Rate => Seconds > 0 ? Messages / Seconds : 0;

    public double? PerCpuSecond => ServerCpuSeconds > 0 ? Messages / ServerCpuSeconds : null;

    public double CpuShare => Seconds > 0 ? ServerCpuSeconds / Seconds : 0;

    public double? AllocatedPerMessage => Messages > 0 ? (double)ServerAllocatedBytes / Messages : null;

    public double? RssKiBPerSession => RssGrowthBytes / 1024.0 / Messages;

    public double? HeapKiBPerSession => HeapGrowthBytes / 1024.0 / Messages;
}
