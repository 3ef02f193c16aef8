namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>
/// The fuzz measures process-wide memory and loads both cores, so it runs alone: xunit runs a
/// collection with parallelization disabled after all the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzIsolation
{
    public const string Name = "Fuzz";
}
