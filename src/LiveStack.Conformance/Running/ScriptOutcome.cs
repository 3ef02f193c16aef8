namespace LiveStack.Conformance.Running;

/// <summary>How a script run ended.</summary>
public enum ScriptOutcome
{
    /// <summary>Every step held.</summary>
    Passed,

    /// <summary>A step did not hold, or the router could not be reached.</summary>
    Failed,

    /// <summary>The script does not apply to the run's serializer.</summary>
    Skipped,
}
