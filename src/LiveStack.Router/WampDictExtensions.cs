namespace LiveStack.Router;

/// <summary>
/// Typed reads of WAMP options and details. A key that is absent, null (wampy's undefined)
/// or of the wrong type reads as absent, because unknown or odd keys MUST be ignored.
/// </summary>
internal static class WampDictExtensions
{
    public static bool? GetBool(this IReadOnlyDictionary<string, object?> dict, string key) =>
        dict.TryGetValue(key, out var value) && value is bool b ? b : null;

    public static string? GetString(this IReadOnlyDictionary<string, object?> dict, string key) =>
        dict.TryGetValue(key, out var value) ? value as string : null;

    public static long? GetLong(this IReadOnlyDictionary<string, object?> dict, string key) =>
        dict.TryGetValue(key, out var value) ? AsInteger(value) : null;

    public static IReadOnlyDictionary<string, object?>? GetDict(this IReadOnlyDictionary<string, object?> dict, string key) =>
        dict.TryGetValue(key, out var value) ? value as IReadOnlyDictionary<string, object?> : null;

    /// <summary>Reads a list of integers (session ids); null when the key is absent or not a list.</summary>
    public static HashSet<long>? GetLongSet(this IReadOnlyDictionary<string, object?> dict, string key)
    {
        if (!dict.TryGetValue(key, out var value) || value is not IReadOnlyList<object?> list)
        {
            return null;
        }

        var set = new HashSet<long>(list.Count);
        foreach (var item in list)
        {
            if (AsInteger(item) is { } l)
            {
                set.Add(l);
            }
        }

        return set;
    }

    /// <summary>Reads a list of strings (authids, authroles); null when the key is absent or not a list.</summary>
    public static HashSet<string>? GetStringSet(this IReadOnlyDictionary<string, object?> dict, string key)
    {
        if (!dict.TryGetValue(key, out var value) || value is not IReadOnlyList<object?> list)
        {
            return null;
        }

        var set = new HashSet<string>(list.Count, StringComparer.Ordinal);
        foreach (var item in list)
        {
            if (item is string s)
            {
                set.Add(s);
            }
        }

        return set;
    }

    /// <summary>
    /// Reads an integer (an id, a timeout). JavaScript numbers are doubles, and the binary encoders of
    /// JavaScript clients write integers above 2^32 as floats (cbor-x, which wampy uses for CBOR; msgpackr
    /// for plain numbers), so wampy's session ids in <c>exclude</c> or in meta calls arrive as doubles.
    /// An integral double within the id range counts as that integer; anything else is not an integer.
    /// </summary>
    public static long? AsInteger(object? value) => value switch
    {
        long l => l,
        double d when Math.Abs(d) <= Wamp.WampIds.Max && d == Math.Floor(d) => (long)d,
        _ => null,
    };

    /// <summary>Returns a positional argument, or null when there are not enough.</summary>
    public static object? ArgAt(this IReadOnlyList<object?>? args, int index) =>
        args is not null && index < args.Count ? args[index] : null;
}
