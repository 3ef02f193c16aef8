using System.Text;

namespace LiveStack.Conformance.Running;

/// <summary>The result of running one script.</summary>
public sealed class ScriptResult
{
    internal ScriptResult(string name, ScriptOutcome outcome, string? failure, IReadOnlyList<string> transcript, TimeSpan duration)
    {
        Name = name;
        Outcome = outcome;
        Failure = failure;
        Transcript = transcript;
        Duration = duration;
    }

    /// <summary>The script's name.</summary>
    public string Name { get; }

    /// <summary>Passed, failed or skipped.</summary>
    public ScriptOutcome Outcome { get; }

    /// <summary>For a failure: which step, what was expected and what was received; for a skip: why.</summary>
    public string? Failure { get; }

    /// <summary>Every frame sent and received, with milliseconds since the start of the run.</summary>
    public IReadOnlyList<string> Transcript { get; }

    /// <summary>How long the run took, teardown included.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The failure (if any) followed by the transcript, ready to print.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        if (Failure is not null)
        {
            text.AppendLine(Failure);
        }

        if (Transcript.Count > 0)
        {
            text.AppendLine("transcript:");
            foreach (var line in Transcript)
            {
                text.Append("  ").AppendLine(line);
            }
        }

        return text.ToString();
    }
}
