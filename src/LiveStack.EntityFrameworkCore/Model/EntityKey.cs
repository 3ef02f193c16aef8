namespace LiveStack.EntityFrameworkCore;

/// <summary>A row's primary key values, comparable by value so rows can be found across snapshots.</summary>
internal readonly struct EntityKey(object?[] values) : IEquatable<EntityKey>
{
    public object?[] Values { get; } = values;

    public bool Equals(EntityKey other) => Values.AsSpan().SequenceEqual(other.Values);

    public override bool Equals(object? obj) => obj is EntityKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in Values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(EntityKey left, EntityKey right) => left.Equals(right);

    public static bool operator !=(EntityKey left, EntityKey right) => !left.Equals(right);
}
