using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LiveStack.EntityFrameworkCore;

/// <summary>The typed part of an exposed entity: its rules, compiled once for memory and bound per user for SQL.</summary>
internal sealed class LiveEntity<T> : LiveEntity
    where T : class
{
    private readonly LiveEntityDefinition<T> _definition;
    private readonly Func<T, LiveUser, bool>? _read;
    private readonly Func<T, LiveUser, bool>? _create;
    private readonly Func<T, LiveUser, bool>? _update;
    private readonly Func<T, LiveUser, bool>? _delete;

    public LiveEntity(LiveEntityDefinition<T> definition, IEntityType entityType, LiveDataOptions options, JsonSerializerOptions json)
        : base(definition, entityType, options, json)
    {
        _definition = definition;
        _read = definition.Read?.Compile();
        _create = definition.Create?.Compile();
        _update = definition.Update?.Compile();
        _delete = definition.Delete?.Compile();
        NamedQueries = definition.Queries.ToDictionary(p => p.Key, p => new NamedQuery<T>(p.Value), StringComparer.Ordinal);
        ReadDependsOnUser = definition.Read is { } read && UsesParameter(read.Body, read.Parameters[1]);
    }

    public override bool HasReadRule => _read is not null;

    public override bool ReadDependsOnUser { get; }

    public IReadOnlyDictionary<string, NamedQuery<T>> NamedQueries { get; }

    public override bool CanRead(object entity, LiveUser user) => _read is null || _read((T)entity, user);

    public bool CanCreate(T entity, LiveUser user) => _create is null || _create(entity, user);

    public bool CanUpdate(T entity, LiveUser user) => _update is null || _update(entity, user);

    public bool CanDelete(T entity, LiveUser user) => _delete is null || _delete(entity, user);

    /// <summary>The rows <paramref name="user"/> may read, as a query EF translates to SQL.</summary>
    public IQueryable<T> Readable(IQueryable<T> source, LiveUser user) =>
        _definition.Read is { } read ? source.Where(Bind(read, user)) : source;

    /// <summary>A rule with the user fixed, so EF can translate it (the user's values become parameters).</summary>
    private static Expression<Func<T, bool>> Bind(Expression<Func<T, LiveUser, bool>> rule, LiveUser user)
    {
        var holder = Expression.Property(Expression.Constant(new UserHolder(user)), nameof(UserHolder.User));
        var body = new ParameterReplacer(rule.Parameters[1], holder).Visit(rule.Body);
        return Expression.Lambda<Func<T, bool>>(body, rule.Parameters[0]);
    }

    private static bool UsesParameter(Expression body, ParameterExpression parameter)
    {
        var finder = new ParameterFinder(parameter);
        finder.Visit(body);
        return finder.Found;
    }

    private sealed class UserHolder(LiveUser user)
    {
        public LiveUser User { get; } = user;
    }

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= node == parameter;
            return node;
        }
    }
}
