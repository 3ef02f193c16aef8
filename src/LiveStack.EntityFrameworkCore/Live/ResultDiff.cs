namespace LiveStack.EntityFrameworkCore;

/// <summary>Compares two results of a query and describes the difference as a <see cref="LiveDelta"/>.</summary>
internal static class ResultDiff
{
    public static LiveDelta Between(IReadOnlyList<LiveRow> before, IReadOnlyList<LiveRow> after, LiveEntity entity, long version)
    {
        var delta = new LiveDelta(version, [], [], []);
        var oldIndex = new Dictionary<EntityKey, int>(before.Count);
        for (var i = 0; i < before.Count; i++)
        {
            oldIndex[before[i].Key] = i;
        }

        var newKeys = new HashSet<EntityKey>(after.Select(r => r.Key));
        foreach (var row in before)
        {
            if (!newKeys.Contains(row.Key))
            {
                delta.Removed.Add(entity.KeyPayload(row.Entity));
            }
        }

        // The rows that stay keep their places except the fewest that must move: those outside the
        // longest run of survivors still in their old relative order.
        var survivors = after.Where(r => oldIndex.ContainsKey(r.Key)).ToList();
        var staying = LongestOrderedRun(survivors.Select(r => oldIndex[r.Key]).ToList())
            .Select(i => survivors[i].Key)
            .ToHashSet();
        for (var i = 0; i < after.Count; i++)
        {
            var row = after[i];
            if (!oldIndex.TryGetValue(row.Key, out var previous))
            {
                delta.Added.Add(LiveDelta.Positioned(row.Payload, i));
            }
            else if (!staying.Contains(row.Key) || !SamePayload(before[previous].Payload, row.Payload))
            {
                delta.Changed.Add(LiveDelta.Positioned(row.Payload, i));
            }
        }

        return delta;
    }

    /// <summary>Positions (in <paramref name="values"/>) of a longest strictly increasing subsequence.</summary>
    private static List<int> LongestOrderedRun(List<int> values)
    {
        var tails = new List<int>();
        var previous = new int[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            int low = 0, high = tails.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (values[tails[middle]] < values[i])
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            previous[i] = low > 0 ? tails[low - 1] : -1;
            if (low == tails.Count)
            {
                tails.Add(i);
            }
            else
            {
                tails[low] = i;
            }
        }

        var run = new List<int>(tails.Count);
        for (var i = tails.Count > 0 ? tails[^1] : -1; i >= 0; i = previous[i])
        {
            run.Add(i);
        }

        run.Reverse();
        return run;
    }

    public static bool SamePayload(IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var other) && SameValue(p.Value, other));

    private static bool SameValue(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
        (IReadOnlyDictionary<string, object?> x, IReadOnlyDictionary<string, object?> y) => SamePayload(x, y),
        (IReadOnlyList<object?> x, IReadOnlyList<object?> y) => x.Count == y.Count && x.Zip(y).All(p => SameValue(p.First, p.Second)),
        _ => Equals(a, b),
    };
}
