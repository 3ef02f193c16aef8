namespace LiveStack.EntityFrameworkCore.Queries;

/// <summary>
/// The in-memory orderings of field values, chosen to agree with SQLite's ORDER BY (and with most
/// databases for numbers and dates): nulls first, text by Unicode code point (SQLite's BINARY
/// collation compares UTF-8 bytes, which is code-point order), binary by unsigned bytes.
/// </summary>
internal static class QueryComparers
{
    /// <summary>The ordering of <typeparamref name="TValue"/> values (nulls first).</summary>
    public static IComparer<TValue> For<TValue>() =>
        typeof(TValue) == typeof(string) ? (IComparer<TValue>)(object)CodePointComparer.Instance
        : typeof(TValue) == typeof(byte[]) ? (IComparer<TValue>)(object)BytesComparer.Instance
        : Comparer<TValue>.Default;

    /// <summary>Compares strings by Unicode code point, null first (what UTF-8 byte order gives).</summary>
    public static int CompareStrings(string? a, string? b) => CodePointComparer.Instance.Compare(a, b);

    private sealed class CodePointComparer : IComparer<string?>
    {
        public static readonly CodePointComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null)
            {
                return -1;
            }

            if (y is null)
            {
                return 1;
            }

            var common = x.AsSpan().CommonPrefixLength(y);
            if (common == x.Length || common == y.Length)
            {
                return x.Length.CompareTo(y.Length);
            }

            return CodePointOrder(x[common]).CompareTo(CodePointOrder(y[common]));
        }

        // UTF-16 code units sort surrogates (U+D800–DFFF) below U+E000–FFFF, code points sort
        // them above: move the surrogates to the top and the rest down to keep the order exact.
        private static int CodePointOrder(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }

    private sealed class BytesComparer : IComparer<byte[]?>
    {
        public static readonly BytesComparer Instance = new();

        public int Compare(byte[]? x, byte[]? y) =>
            ReferenceEquals(x, y) ? 0 : x is null ? -1 : y is null ? 1 : x.AsSpan().SequenceCompareTo(y);
    }
}

/// <summary>Compares entities by one property read through a compiled getter.</summary>
internal sealed class PropertyComparer<T, TValue>(Func<T, TValue> get, IComparer<TValue> comparer, bool descending) : IComparer<T>
    where T : class
{
    public int Compare(T? x, T? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        return descending ? comparer.Compare(get(y), get(x)) : comparer.Compare(get(x), get(y));
    }
}

/// <summary>Compares entities by a list of columns, the first difference deciding.</summary>
internal sealed class OrderComparer<T>(IReadOnlyList<IComparer<T>> columns) : IComparer<T>
    where T : class
{
    public int Compare(T? x, T? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        foreach (var column in columns)
        {
            var result = column.Compare(x, y);
            if (result != 0)
            {
                return result;
            }
        }

        return 0;
    }
}
