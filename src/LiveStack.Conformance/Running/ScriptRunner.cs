using LiveStack.Conformance.Scripts;

namespace LiveStack.Conformance.Running;

/// <summary>Runs conformance scripts against a router.</summary>
public static class ScriptRunner
{
    /// <summary>Runs one script; a router that misbehaves or cannot be reached gives a failed result, not an exception.</summary>
    public static async Task<ScriptResult> RunAsync(ConformanceScript script, RunSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(settings);
        if (script.Serializers is { } only && !only.Contains(settings.Serializer))
        {
            return new ScriptResult(script.Name, ScriptOutcome.Skipped, $"written for {string.Join(", ", only)} only", [], TimeSpan.Zero);
        }

        var run = new ScriptRun(script, settings);
        await using (run.ConfigureAwait(false))
        {
            return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
