using System.Text;
using LiveStack.Conformance.Matching;
using LiveStack.Conformance.Scripts;

namespace LiveStack.Conformance.Running;

/// <summary>
/// Checks what a session receives against a step's patterns and, when it does not match, writes
/// the report: the step, the expected pattern with the values its placeholders hold, the received
/// frame, and the path of every difference.
/// </summary>
internal sealed class Expectations(Bindings bindings, TimeSpan defaultTimeout)
{
    /// <summary>Runs a <see cref="StepKind.Receive"/> step: its frames (one, or several in any order), then the close if asked.</summary>
    public async Task ReceiveAsync(ScriptStep step, PeerConnection peer, CancellationToken cancellationToken)
    {
        var timeout = step.Timeout ?? defaultTimeout;
        if (step.Patterns.Count == 1)
        {
            await ReceiveFrameAsync(step, peer, step.Patterns[0], timeout, cancellationToken).ConfigureAwait(false);
        }
        else if (step.Patterns.Count > 1)
        {
            await ReceiveUnorderedAsync(step, peer, timeout, cancellationToken).ConfigureAwait(false);
        }

        if (step.ExpectClosed)
        {
            var incoming = await peer.ReceiveAsync(timeout, cancellationToken).ConfigureAwait(false);
            if (incoming is not { IsClosed: true })
            {
                var seen = incoming is null ? $"it was still open after {timeout.TotalMilliseconds:0} ms" : $"received {incoming.Text}";
                throw Failure(step, $"expected the connection to close, but {seen}");
            }
        }
    }

    /// <summary>Runs a <see cref="StepKind.ReceiveNothing"/> step; the connection closing is not a message, so it passes.</summary>
    public static async Task NothingAsync(ScriptStep step, PeerConnection peer, CancellationToken cancellationToken)
    {
        var incoming = await peer.ReceiveAsync(step.QuietPeriod, cancellationToken).ConfigureAwait(false);
        if (incoming is { IsClosed: false })
        {
            throw Failure(step, $"expected nothing within {step.QuietPeriod.TotalMilliseconds:0} ms\n  received: {incoming.Text}");
        }
    }

    /// <summary>Receives one frame and matches it, keeping new captures only on success.</summary>
    public async Task<IReadOnlyList<object?>> ReceiveFrameAsync(ScriptStep step, PeerConnection peer, object? pattern, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var frame = await NextFrameAsync(step, peer, pattern, timeout, [], cancellationToken).ConfigureAwait(false);
        var trial = bindings.Clone();
        var differences = new List<string>();
        if (!Matcher.Match(pattern, frame, trial, differences))
        {
            throw Failure(step, $"expected: {Describe(pattern)}\n  received: {JsonTree.Render(frame)}\n  differences:\n    - {string.Join("\n    - ", differences)}");
        }

        bindings.ReplaceWith(trial);
        return frame;
    }

    private async Task ReceiveUnorderedAsync(ScriptStep step, PeerConnection peer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var frames = new List<object?>();
        foreach (var pattern in step.Patterns)
        {
            frames.Add(await NextFrameAsync(step, peer, pattern, timeout, frames, cancellationToken).ConfigureAwait(false));
        }

        var trial = bindings.Clone();
        if (Matcher.MatchSet(step.Patterns, frames, allowExtra: false, trial))
        {
            bindings.ReplaceWith(trial);
            return;
        }

        var report = new StringBuilder("expected, in any order:");
        foreach (var pattern in step.Patterns)
        {
            report.Append("\n    ").Append(Describe(pattern));
        }

        report.Append("\n  received:");
        foreach (var frame in frames)
        {
            report.Append("\n    ").Append(JsonTree.Render(frame));
        }

        report.Append("\n  ").Append(ExplainSetMismatch(step.Patterns, frames));
        throw Failure(step, report.ToString());
    }

    /// <summary>Names an expected frame that no received frame matches, with the differences to the closest one.</summary>
    private string ExplainSetMismatch(IReadOnlyList<object?> patterns, List<object?> frames)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            List<string>? closest = null;
            foreach (var frame in frames)
            {
                var differences = new List<string>();
                if (Matcher.Match(patterns[i], frame, bindings.Clone(), differences))
                {
                    closest = null;
                    break;
                }

                if (closest is null || differences.Count < closest.Count)
                {
                    closest = differences;
                }
            }

            if (closest is not null)
            {
                return $"expected frame #{i + 1} matches none received; closest differences:\n    - {string.Join("\n    - ", closest)}";
            }
        }

        return "each expected frame matches some received frame, but no one-to-one pairing binds the placeholders consistently";
    }

    private async Task<IReadOnlyList<object?>> NextFrameAsync(ScriptStep step, PeerConnection peer, object? pattern, TimeSpan timeout, List<object?> soFar, CancellationToken cancellationToken)
    {
        var incoming = await peer.ReceiveAsync(timeout, cancellationToken).ConfigureAwait(false);
        if (incoming?.Frame is { } frame)
        {
            peer.Observe(frame, sent: false);
            return frame;
        }

        var what = incoming is null ? $"nothing arrived within {timeout.TotalMilliseconds:0} ms" : $"received {incoming.Text}";
        var before = soFar.Count > 0 ? $"\n  received before that: {string.Join(", ", soFar.Select(JsonTree.Render))}" : string.Empty;
        throw Failure(step, $"expected: {Describe(pattern)}\n  but {what}{before}");
    }

    /// <summary>The pattern as JSON, followed by the values its already bound placeholders stand for.</summary>
    private string Describe(object? pattern)
    {
        var bound = new List<string>();
        foreach (var name in Template.Placeholders(pattern))
        {
            if (bindings.TryGet(name, out var value))
            {
                bound.Add($"{name} = {JsonTree.Render(value)}");
            }
        }

        var text = JsonTree.Render(pattern);
        return bound.Count == 0 ? text : $"{text}\n            where {string.Join(", ", bound)}";
    }

    private static StepFailedException Failure(ScriptStep step, string detail)
    {
        var assertion = step.Assertion is null ? string.Empty : $"\n  assertion: {step.Assertion}";
        return new StepFailedException($"{step.Label}{assertion}\n  {detail}");
    }
}
