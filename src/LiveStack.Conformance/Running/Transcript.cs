using System.Diagnostics;
using System.Globalization;

namespace LiveStack.Conformance.Running;

/// <summary>Everything a run sent and received, in arrival order with timestamps, for failure reports.</summary>
internal sealed class Transcript
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Sent(string session, string text) => Add($"{session} → {text}");

    public void Received(string session, Incoming incoming) => Add($"{session} ← {incoming.Text}");

    public void Note(string text) => Add($"-- {text}");

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    private void Add(string line)
    {
        var stamp = string.Create(CultureInfo.InvariantCulture, $"{_clock.ElapsedMilliseconds,6} ms  ");
        lock (_gate)
        {
            _lines.Add(stamp + line);
        }
    }
}
