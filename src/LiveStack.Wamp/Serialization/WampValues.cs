using System.Collections;
using System.Globalization;

namespace LiveStack.Wamp.Serialization;

/// <summary>
/// Maps common CLR values onto the neutral value tree the codecs understand
/// (see <see cref="WampMessageConverter"/>), so applications may put ints, floats,
/// arrays and dictionaries into payloads.
/// </summary>
public static class WampValues
{
    /// <summary>Returns a value the codecs can write directly.</summary>
    /// <exception cref="ArgumentException">The value has no WAMP representation.</exception>
    public static object? Normalize(object? value) => value switch
    {
        null or string or long or bool or double or byte[] or IReadOnlyDictionary<string, object?> or IReadOnlyList<object?> => value,
        int i => (long)i,
        uint u => (long)u,
        short s => (long)s,
        ushort us => (long)us,
        byte b => (long)b,
        sbyte sb => (long)sb,
        ulong ul => ul <= long.MaxValue ? (long)ul : ul,
        float f => (double)f,
        decimal m => (double)m,
        char c => c.ToString(),
        Enum e => e.ToString(),
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
        Guid g => g.ToString(),
        ReadOnlyMemory<byte> rom => rom.ToArray(),
        IDictionary dict => NormalizeDictionary(dict),
        IEnumerable items => NormalizeList(items),
        _ => throw new ArgumentException($"A {value.GetType().Name} has no WAMP representation.", nameof(value)),
    };

    private static Dictionary<string, object?> NormalizeDictionary(IDictionary dict)
    {
        var result = new Dictionary<string, object?>(dict.Count, StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dict)
        {
            var key = entry.Key as string ?? throw new ArgumentException("WAMP dictionaries have string keys.", nameof(dict));
            result[key] = Normalize(entry.Value);
        }

        return result;
    }

    private static List<object?> NormalizeList(IEnumerable items)
    {
        var result = new List<object?>();
        foreach (var item in items)
        {
            result.Add(Normalize(item));
        }

        return result;
    }
}
