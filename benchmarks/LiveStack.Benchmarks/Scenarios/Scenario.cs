namespace LiveStack.Benchmarks.Scenarios;

/// <summary>One benchmark case, run once against each server.</summary>
internal abstract class Scenario
{
    /// <summary>The family (<c>fanout</c>, <c>rpc</c>, <c>joinleave</c>, <c>idle</c>, <c>latency</c>); servers are shared within one.</summary>
    public abstract string Group { get; }

    public abstract string Name { get; }

    /// <summary>True when the case needs a server process of its own (memory is measured from a clean start).</summary>
    public virtual bool NeedsFreshServer => false;

    public abstract Task<Measurement> RunAsync(ScenarioContext context, CancellationToken cancellationToken);

    /// <summary>Of two rounds on the same server, the one that counts: by default the most messages per server CPU-second.</summary>
    public virtual Measurement Better(Measurement first, Measurement second) =>
        first.Error is not null ? second
        : second.Error is not null ? first
        : (second.PerCpuSecond ?? 0) > (first.PerCpuSecond ?? 0) ? second : first;
}
