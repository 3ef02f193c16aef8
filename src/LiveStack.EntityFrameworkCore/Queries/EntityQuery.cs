using System.Linq.Expressions;

namespace LiveStack.EntityFrameworkCore.Queries;

/// <summary>
/// A client query over <typeparamref name="T"/>, parsed and checked by <see cref="QueryParser"/>:
/// a filter EF translates to SQL and its twin evaluated in memory, a total ordering (the key
/// breaks ties) for SQL and for memory, and a page.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
/// <remarks>
/// SQL and memory agree on nulls (a null never satisfies lt/lte/gt/gte/contains/startsWith/endsWith,
/// <c>ne</c> with a value matches nulls, <c>not</c> is two-valued as in C#) and on ordering as
/// SQLite does it (nulls first ascending, last descending). Text differs where the database's
/// collation does: memory compares text ordinally (lt/gt and ordering by Unicode code point,
/// operators case-sensitively), SQL by the column's collation. On SQLite (BINARY) that is the
/// same; on a case-insensitive collation (SQL Server's default) SQL matches more than memory.
/// </remarks>
internal sealed class EntityQuery<T>
    where T : class
{
    private static readonly Func<T, bool> MatchAll = static _ => true;

    private readonly Lazy<Func<T, bool>> _matches;

    internal EntityQuery(
        Expression<Func<T, bool>>? filter,
        Expression<Func<T, bool>>? memoryFilter,
        IReadOnlyList<QueryOrder> order,
        IReadOnlyList<LambdaExpression> selectors,
        IComparer<T> comparer,
        int skip,
        int take,
        bool isOrdered,
        string canonicalKey)
    {
        Filter = filter;
        MemoryFilter = memoryFilter;
        Order = order;
        Selectors = selectors;
        Comparer = comparer;
        Skip = skip;
        Take = take;
        IsOrdered = isOrdered;
        CanonicalKey = canonicalKey;
        _matches = new(() => memoryFilter?.Compile() ?? MatchAll);
    }

    /// <summary>The filter for EF to translate (literals are parameters); null when the query has none.</summary>
    /// <remarks>Meant for a database: in memory use <see cref="Matches"/>, which is null-safe and ordinal.</remarks>
    public Expression<Func<T, bool>>? Filter { get; }

    /// <summary>The filter as <see cref="Matches"/> evaluates it; null when the query has none.</summary>
    public Expression<Func<T, bool>>? MemoryFilter { get; }

    /// <summary>Whether an entity passes the filter, in memory (compiled on first use; always true without a filter).</summary>
    public Func<T, bool> Matches => _matches.Value;

    /// <summary>The ordering: the client's columns, then the key properties not among them (ascending).</summary>
    public IReadOnlyList<QueryOrder> Order { get; }

    /// <summary>The in-memory ordering, consistent with <see cref="Apply"/>'s ORDER BY (nulls first ascending).</summary>
    public IComparer<T> Comparer { get; }

    /// <summary>Rows to skip.</summary>
    public int Skip { get; }

    /// <summary>Rows to take at most (the server's maximum when the client gave none).</summary>
    public int Take { get; }

    /// <summary>True when the client gave an orderBy (otherwise the order is the key's).</summary>
    public bool IsOrdered { get; }

    /// <summary>
    /// A string equal for queries that mean the same and are written the same way, up to the order
    /// of keys within objects, literals versus <c>eq</c>, the spelling of a descending column and
    /// an omitted versus an explicit maximum take. Values of different literal spelling but equal
    /// converted value (5 and 5.0 for an integer field, an enum's name and number) also agree.
    /// </summary>
    public string CanonicalKey { get; }

    private IReadOnlyList<LambdaExpression> Selectors { get; }

    /// <summary>The query over <paramref name="source"/>: Where, OrderBy/ThenBy and, when <paramref name="paged"/>, Skip/Take (as parameters).</summary>
    public IQueryable<T> Apply(IQueryable<T> source, bool paged = true)
    {
        ArgumentNullException.ThrowIfNull(source);
        var query = Filter is null ? source : source.Where(Filter);
        for (var i = 0; i < Order.Count; i++)
        {
            var method = (i == 0, Order[i].Descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            var selector = Selectors[i];
            query = query.Provider.CreateQuery<T>(Expression.Call(
                typeof(Queryable), method, [typeof(T), selector.ReturnType], query.Expression, Expression.Quote(selector)));
        }

        if (paged)
        {
            query = Page(query, nameof(Queryable.Skip), Skip);
            query = Page(query, nameof(Queryable.Take), Take);
        }

        return query;
    }

    private static IQueryable<T> Page(IQueryable<T> query, string method, int count) =>
        query.Provider.CreateQuery<T>(Expression.Call(
            typeof(Queryable),
            method,
            [typeof(T)],
            query.Expression,
            Expression.Property(Expression.Constant(new QueryParameter<int>(count)), nameof(QueryParameter<int>.Value))));
}
