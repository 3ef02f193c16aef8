using System.Linq.Expressions;

namespace LiveStack.EntityFrameworkCore;

/// <summary>
/// Configures one exposed entity: its URI name, who may read, create, update and delete which
/// rows (expressions over the row and the <see cref="LiveUser"/>, translated to SQL for reads and
/// evaluated in memory for change events), fields that are never sent, and named queries.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
public sealed class LiveEntityBuilder<T>
    where T : class
{
    private readonly LiveEntityDefinition<T> _definition = new();

    /// <summary>The name in URIs. Default: the snake_case CLR type name (<c>TodoItem</c> → <c>todo_item</c>).</summary>
    public LiveEntityBuilder<T> Name(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _definition.Name = name;
        return this;
    }

    /// <summary>
    /// Rows a session may read. Applied to <c>get</c>, <c>list</c>, live queries and every change
    /// event: a session never receives a row, an update or a delete of a row it may not read.
    /// Must translate to SQL. Default: every row.
    /// </summary>
    public LiveEntityBuilder<T> CanRead(Expression<Func<T, LiveUser, bool>> rule) => Set(d => d.Read = rule, rule);

    /// <summary>Rows a session may create, checked on the new row. Default: any.</summary>
    public LiveEntityBuilder<T> CanCreate(Expression<Func<T, LiveUser, bool>> rule) => Set(d => d.Create = rule, rule);

    /// <summary>Rows a session may update, checked on the row before and after the change. Default: any.</summary>
    public LiveEntityBuilder<T> CanUpdate(Expression<Func<T, LiveUser, bool>> rule) => Set(d => d.Update = rule, rule);

    /// <summary>Rows a session may delete. Default: any.</summary>
    public LiveEntityBuilder<T> CanDelete(Expression<Func<T, LiveUser, bool>> rule) => Set(d => d.Delete = rule, rule);

    /// <summary>A field that is never sent to clients nor accepted from them (e.g. a password hash).</summary>
    public LiveEntityBuilder<T> Hide<TValue>(Expression<Func<T, TValue>> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var member = property.Body is MemberExpression m ? m.Member.Name
            : throw new ArgumentException("Hide takes a property access such as u => u.PasswordHash.", nameof(property));
        _definition.Hidden.Add(member);
        return this;
    }

    /// <summary>
    /// A named query with parameters, written as LINQ — the secure default for what clients may
    /// ask: <c>Query("open", (IQueryable&lt;TodoItem&gt; items, int max) =&gt; items.Where(t =&gt; !t.Done).Take(max))</c>.
    /// The first parameter is the entity set (already restricted by <see cref="CanRead"/>); the
    /// others bind from the caller's arguments like handler parameters; a <see cref="LiveUser"/>
    /// parameter gets the caller.
    /// </summary>
    public LiveEntityBuilder<T> Query(string name, Delegate query)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(query);
        var parameters = query.Method.GetParameters();
        if (parameters.Length == 0 || parameters[0].ParameterType != typeof(IQueryable<T>) || !typeof(IQueryable<T>).IsAssignableFrom(query.Method.ReturnType))
        {
            throw new ArgumentException($"Query '{name}' must take an IQueryable<{typeof(T).Name}> first and return one.", nameof(query));
        }

        if (!_definition.Queries.TryAdd(name, query))
        {
            throw new ArgumentException($"Query '{name}' is defined twice.", nameof(query));
        }

        return this;
    }

    internal LiveEntityDefinition Build() => _definition;

    private LiveEntityBuilder<T> Set(Action<LiveEntityDefinition<T>> set, Expression<Func<T, LiveUser, bool>> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        set(_definition);
        return this;
    }
}
