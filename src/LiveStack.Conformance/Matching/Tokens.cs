namespace LiveStack.Conformance.Matching;

/// <summary>The special strings and keys of the pattern language (see scripts/README.md).</summary>
internal static class Tokens
{
    /// <summary>Matches any value (the key must be present).</summary>
    public const string Any = "$any";

    /// <summary>As a dictionary value: the key must be absent.</summary>
    public const string Absent = "$absent";

    /// <summary>As the last element of a list: any further elements, including none.</summary>
    public const string Rest = "$...";

    /// <summary>A dictionary key: with <c>true</c>, the dictionary may have no keys beyond the pattern's.</summary>
    public const string Exact = "$exact";

    /// <summary>An operator object: a list with exactly these elements, in any order.</summary>
    public const string Unordered = "$unordered";

    /// <summary>An operator object: a list that contains at least these elements, in any order.</summary>
    public const string Contains = "$contains";

    /// <summary>An operator object: a value matching one of these patterns.</summary>
    public const string OneOf = "$one_of";

    public static readonly string[] Operators = [Unordered, Contains, OneOf];

    private static readonly System.Buffers.SearchValues<char> NameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    /// <summary>A placeholder name: <c>$</c> then letters, digits and underscores, not a reserved token.</summary>
    public static bool IsPlaceholder(string text) =>
        text.Length > 1 && text[0] == '$' && text is not (Any or Absent or Rest)
        && text.AsSpan(1).IndexOfAnyExcept(NameChars) < 0;

    /// <summary>A literal string written with a doubled dollar (<c>"$$x"</c> means <c>"$x"</c>).</summary>
    public static bool IsEscaped(string text) => text.StartsWith("$$", StringComparison.Ordinal);

    /// <summary>The operator name when <paramref name="dict"/> is an operator object, else null.</summary>
    public static string? OperatorOf(IReadOnlyDictionary<string, object?> dict)
    {
        if (dict.Count != 1)
        {
            return null;
        }

        var key = dict.Keys.First();
        return Array.IndexOf(Operators, key) >= 0 ? key : null;
    }
}
