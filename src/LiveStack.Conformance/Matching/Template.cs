namespace LiveStack.Conformance.Matching;

/// <summary>Fills placeholders in a frame the script sends with the values captured so far.</summary>
internal static class Template
{
    /// <exception cref="InvalidOperationException">A placeholder is not bound yet, or a matching-only token was used.</exception>
    public static object? Fill(object? template, Bindings bindings) => template switch
    {
        string text when Tokens.IsEscaped(text) => text[1..],
        string text when Tokens.IsPlaceholder(text) => bindings.TryGet(text, out var value)
            ? value
            : throw new InvalidOperationException($"{text} is used in a sent frame before any received frame bound it."),
        string text when text is Tokens.Any or Tokens.Absent or Tokens.Rest =>
            throw new InvalidOperationException($"{text} only makes sense in an expected frame."),
        IReadOnlyDictionary<string, object?> dict => dict.ToDictionary(p => p.Key, p => Fill(p.Value, bindings), StringComparer.Ordinal),
        IReadOnlyList<object?> list => list.Select(item => Fill(item, bindings)).ToList(),
        _ => template,
    };

    /// <summary>The placeholders a pattern mentions, in order of first appearance.</summary>
    public static IEnumerable<string> Placeholders(object? pattern)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return Walk(pattern).Where(seen.Add);

        static IEnumerable<string> Walk(object? value) => value switch
        {
            string text when Tokens.IsPlaceholder(text) => [text],
            IReadOnlyDictionary<string, object?> dict => dict.Values.SelectMany(Walk),
            IReadOnlyList<object?> list => list.SelectMany(Walk),
            _ => [],
        };
    }
}
