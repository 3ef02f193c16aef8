namespace LiveStack.Conformance.Matching;

/// <summary>
/// Values captured by placeholders (<c>"$sub1"</c>): bound on first sight in a received frame,
/// compared on every later use, substituted into frames the script sends.
/// </summary>
internal sealed class Bindings
{
    private readonly Dictionary<string, object?> _values;

    public Bindings()
    {
        _values = new(StringComparer.Ordinal);
    }

    private Bindings(Dictionary<string, object?> values)
    {
        _values = new(values, StringComparer.Ordinal);
    }

    public bool TryGet(string name, out object? value) => _values.TryGetValue(name, out value);

    public void Set(string name, object? value) => _values[name] = value;

    /// <summary>A copy to try a match on; adopt it with <see cref="ReplaceWith"/> only if the match succeeds.</summary>
    public Bindings Clone() => new(_values);

    public void ReplaceWith(Bindings other)
    {
        _values.Clear();
        foreach (var (name, value) in other._values)
        {
            _values[name] = value;
        }
    }
}
