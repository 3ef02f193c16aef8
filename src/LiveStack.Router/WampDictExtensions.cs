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
        dict.TryGetValue(key, out var value) && value is long l ? l : null;

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
            if (item is long l)
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

    /// <summary>Returns a positional argument, or null when there are not enough.</summary>
    public static object? ArgAt(this IReadOnlyList<object?>? args, int index) =>
        args is not null && index < args.Count ? args[index] : null;
}
