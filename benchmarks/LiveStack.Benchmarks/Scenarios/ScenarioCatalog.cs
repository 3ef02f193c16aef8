namespace LiveStack.Benchmarks.Scenarios;

/// <summary>Every case, in run order.</summary>
internal static class ScenarioCatalog
{
    public const int FixedRate = 2_000;

    public static IReadOnlyList<Scenario> All(Profile profile)
    {
        var scenarios = new List<Scenario>();
        foreach (var payload in new[] { 64, 4096 })
        {
            foreach (var subscribers in new[] { 1, 10, 100 })
            {
                scenarios.Add(new FanOutScenario(subscribers, payload));
            }
        }

        foreach (var callers in new[] { 1, 4, 16 })
        {
            scenarios.Add(new RpcScenario(callers));
        }

        scenarios.Add(new JoinLeaveScenario(workers: 4));
        scenarios.Add(new FixedRatePublishScenario(FixedRate));
        scenarios.Add(new FixedRateCallScenario(FixedRate));
        foreach (var sessions in profile.IdleSessions)
        {
            scenarios.Add(new IdleScenario(sessions));
        }

        return scenarios;
    }

    /// <summary>Keeps the cases whose group or name contains one of the comma-separated filters.</summary>
    public static IReadOnlyList<Scenario> Filter(IReadOnlyList<Scenario> scenarios, string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return scenarios;
        }

        var terms = filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. scenarios.Where(s => terms.Any(t =>
            s.Group.Contains(t, StringComparison.OrdinalIgnoreCase) || s.Name.Contains(t, StringComparison.OrdinalIgnoreCase)))];
    }
}
