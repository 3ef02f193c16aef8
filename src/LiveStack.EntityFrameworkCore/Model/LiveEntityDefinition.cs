using System.Linq.Expressions;

namespace LiveStack.EntityFrameworkCore;

/// <summary>What the options say about one entity, before the EF model is known.</summary>
internal abstract class LiveEntityDefinition
{
    public abstract Type ClrType { get; }

    public string? Name { get; set; }

    public HashSet<string> Hidden { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Delegate> Queries { get; } = new(StringComparer.Ordinal);
}

/// <summary>The typed rules of one entity.</summary>
internal sealed class LiveEntityDefinition<T> : LiveEntityDefinition
    where T : class
{
    public override Type ClrType => typeof(T);

    public Expression<Func<T, LiveUser, bool>>? Read { get; set; }

    public Expression<Func<T, LiveUser, bool>>? Create { get; set; }

    public Expression<Func<T, LiveUser, bool>>? Update { get; set; }

    public Expression<Func<T, LiveUser, bool>>? Delete { get; set; }
}
