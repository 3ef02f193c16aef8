using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace LiveStack.EntityFrameworkCore.Queries;

/// <summary>
/// The fields of one entity type that clients may filter and order on, by public (camelCase) name,
/// and its primary key. Built once per entity type at start; also caches the compiled in-memory
/// comparers and the ordering selectors of its properties, so parsing a query compiles nothing
/// for ordering.
/// </summary>
internal sealed class QueryFields
{
    private static readonly MethodInfo CreateComparerMethod =
        typeof(QueryFields).GetMethod(nameof(CreateComparer), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConcurrentDictionary<(PropertyInfo Property, bool Descending), object> _comparers = new();
    private readonly ConcurrentDictionary<PropertyInfo, LambdaExpression> _selectors = new();

    /// <summary>Creates the field table of <paramref name="entityType"/>.</summary>
    /// <param name="entityType">The entity's CLR type.</param>
    /// <param name="fields">Public field name → CLR property, for the fields clients may filter and order on (hidden fields are absent).</param>
    /// <param name="key">The primary key properties: the final tie-breakers of every ordering.</param>
    /// <exception cref="ArgumentException">The key is empty, or a property is not a readable instance property of the entity type.</exception>
    public QueryFields(Type entityType, IReadOnlyDictionary<string, PropertyInfo> fields, IReadOnlyList<PropertyInfo> key)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(key);
        if (key.Count == 0)
        {
            throw new ArgumentException($"The key of {entityType.Name} has no property.", nameof(key));
        }

        foreach (var property in fields.Values.Concat(key))
        {
            if (property.GetMethod is not { IsStatic: false } || property.GetIndexParameters().Length > 0
                || property.DeclaringType is null || !property.DeclaringType.IsAssignableFrom(entityType))
            {
                throw new ArgumentException($"{property.DeclaringType?.Name}.{property.Name} is not a readable property of {entityType.Name}.", nameof(fields));
            }
        }

        EntityType = entityType;
        Fields = fields;
        Key = key;
    }

    /// <summary>The entity's CLR type.</summary>
    public Type EntityType { get; }

    /// <summary>Public field name → CLR property.</summary>
    public IReadOnlyDictionary<string, PropertyInfo> Fields { get; }

    /// <summary>The primary key properties.</summary>
    public IReadOnlyList<PropertyInfo> Key { get; }

    /// <summary>The lambda <c>x =&gt; x.Property</c> over the entity type, for OrderBy/ThenBy.</summary>
    internal LambdaExpression Selector(PropertyInfo property) => _selectors.GetOrAdd(property, static (p, entityType) =>
    {
        var entity = Expression.Parameter(entityType, "x");
        return Expression.Lambda(Expression.Property(entity, p), entity);
    }, EntityType);

    /// <summary>An in-memory comparer of entities by one property, consistent with SQL's ORDER BY on it.</summary>
    internal IComparer<T> Comparer<T>(PropertyInfo property, bool descending)
        where T : class =>
        (IComparer<T>)_comparers.GetOrAdd((property, descending), static (k, self) =>
            CreateComparerMethod.MakeGenericMethod(typeof(T), k.Property.PropertyType).Invoke(null, [self.Selector(k.Property), k.Descending])!, this);

    private static IComparer<T> CreateComparer<T, TValue>(LambdaExpression selector, bool descending)
        where T : class =>
        new PropertyComparer<T, TValue>(((Expression<Func<T, TValue>>)selector).Compile(), QueryComparers.For<TValue>(), descending);
}
