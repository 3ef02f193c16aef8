namespace LiveStack.EntityFrameworkCore;

/// <summary>
/// How a live query's result changed at one version. A client applies it by removing the rows of
/// <see cref="Removed"/> and <see cref="Changed"/>, then inserting <see cref="Added"/> and
/// <see cref="Changed"/> rows at their indexes in ascending index order.
/// </summary>
internal sealed record LiveDelta(long Version, List<object?> Added, List<object?> Changed, List<object?> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;

    public Dictionary<string, object?> ToPayload() => new(StringComparer.Ordinal)
    {
        ["type"] = "delta",
        ["version"] = Version,
        ["added"] = Added,
        ["changed"] = Changed,
        ["removed"] = Removed,
    };

    public static Dictionary<string, object?> Positioned(Dictionary<string, object?> row, int index) =>
        new(StringComparer.Ordinal) { ["row"] = row, ["index"] = (long)index };
}
