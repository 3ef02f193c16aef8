using System.Globalization;
using System.Text;
using LiveStack.Conformance.Running;
using LiveStack.Conformance.Scripts;

namespace LiveStack.Conformance;

/// <summary>Console lines for the runner's output.</summary>
internal static class Reporting
{
    public static string Line(ScriptResult result) => result.Outcome switch
    {
        ScriptOutcome.Passed => string.Create(CultureInfo.InvariantCulture, $"PASS  {result.Name} ({result.Duration.TotalMilliseconds:0} ms)"),
        ScriptOutcome.Skipped => $"SKIP  {result.Name} ({result.Failure})",
        _ => string.Create(CultureInfo.InvariantCulture, $"FAIL  {result.Name} ({result.Duration.TotalMilliseconds:0} ms)"),
    };

    /// <summary>The script's description, feature and notes (where a choice the spec leaves open is explained).</summary>
    public static string About(ConformanceScript script)
    {
        var text = new StringBuilder(script.Description);
        if (script.Feature is not null)
        {
            text.Append(" [").Append(script.Feature).Append(']');
        }

        text.AppendLine();
        foreach (var note in script.Notes)
        {
            text.Append("note: ").AppendLine(note);
        }

        return text.ToString();
    }

    public static string Indent(string text) =>
        string.Join(Environment.NewLine, text.TrimEnd().Split('\n').Select(line => "      " + line.TrimEnd('\r')));

    public static string Summary(IReadOnlyList<ScriptResult> results)
    {
        var passed = results.Count(r => r.Outcome == ScriptOutcome.Passed);
        var failed = results.Count(r => r.Outcome == ScriptOutcome.Failed);
        var skipped = results.Count(r => r.Outcome == ScriptOutcome.Skipped);
        return $"{passed} passed, {failed} failed, {skipped} skipped";
    }
}
