namespace LiveStack.Conformance.Matching;

/// <summary>Deep equality over the neutral value tree; integers and floats compare by numeric value.</summary>
internal static class ValueComparer
{
    public static bool Equal(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (long x, long y) => x == y,
        (ulong x, ulong y) => x == y,
        (long or ulong or double, long or ulong or double) => Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToDouble(b, System.Globalization.CultureInfo.InvariantCulture),
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (bool x, bool y) => x == y,
        (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
        (IReadOnlyDictionary<string, object?> x, IReadOnlyDictionary<string, object?> y) => DictEqual(x, y),
        (IReadOnlyList<object?> x, IReadOnlyList<object?> y) => x.Count == y.Count && x.Zip(y).All(p => Equal(p.First, p.Second)),
        _ => false,
    };

    private static bool DictEqual(IReadOnlyDictionary<string, object?> x, IReadOnlyDictionary<string, object?> y)
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        foreach (var (key, value) in x)
        {
            if (!y.TryGetValue(key, out var other) || !Equal(value, other))
            {
                return false;
            }
        }

        return true;
    }
}
