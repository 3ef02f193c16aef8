using LiveStack.Client;
using LiveStack.Wamp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStack.EntityFrameworkCore;

/// <summary>
/// The CRUD procedures of one entity: <c>create</c>, <c>get</c>, <c>list</c>, <c>update</c>,
/// <c>delete</c>. Each call gets its own DI scope and DbContext; every write is one SaveChanges
/// (so nothing partial is written) and answers only after its change events went out.
/// </summary>
internal sealed class EntityProcedures<TDb, T>(LiveDataRuntime runtime, LiveEntity<T> entity)
    where TDb : DbContext
    where T : class
{
    private const string IdempotencyKey = "idempotencyKey";
    private static readonly RegisterOptions Disclosed = new() { DiscloseCaller = true };

    public IEnumerable<string> Register()
    {
        Add("create", (invocation, db, user, services) => Idempotent(invocation, user, "create", () => CreateAsync(invocation, db, user, services)));
        Add("get", GetAsync);
        Add("list", ListAsync);
        Add("update", (invocation, db, user, services) => Idempotent(invocation, user, "update", () => UpdateAsync(invocation, db, user, services)));
        Add("delete", (invocation, db, user, _) => Idempotent(invocation, user, "delete", () => DeleteAsync(invocation, db, user)));
        return ["create", "get", "list", "update", "delete"];
    }

    private void Add(string operation, Func<WampInvocation, TDb, LiveUser, IServiceProvider, Task<WampResult>> handler)
    {
        var procedure = entity.Procedure(operation);
        runtime.Client.Register(procedure, async (invocation, cancellationToken) =>
        {
            var user = runtime.CallerOf(invocation);
            await using var scope = runtime.Scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TDb>();
            try
            {
                return await handler(invocation, db, user, scope.ServiceProvider).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw await ConflictAsync(invocation, user).ConfigureAwait(false);
            }
            catch (DbUpdateException e)
            {
                LiveDataLog.ProcedureFailed(runtime.Logger, procedure, e);
                throw new WampException(WampErrors.InvalidArgument, $"The database refused the write to {entity.Name}; nothing was changed.");
            }
        }, Disclosed);
    }

    private Task<WampResult> Idempotent(WampInvocation invocation, LiveUser user, string operation, Func<Task<WampResult>> write)
    {
        var key = invocation.ArgumentsKeywords.TryGetValue(IdempotencyKey, out var value) ? value as string : null;
        return runtime.Idempotency.RunAsync(user.AuthId, entity.Procedure(operation), key, write);
    }

    private async Task<WampResult> CreateAsync(WampInvocation invocation, TDb db, LiveUser user, IServiceProvider services)
    {
        var fields = EntityPayload.Object(invocation, IdempotencyKey);
        var row = EntityPayload.NewEntity<T>(entity, fields, runtime.Json);
        EntityValidation.Validate(row, services);
        if (!entity.CanCreate(row, user))
        {
            throw NotAuthorized("create");
        }

        db.Add(row);
        await db.SaveChangesAsync().ConfigureAwait(false);
        await runtime.Model.State(db).Published.ConfigureAwait(false);
        return Row(row);
    }

    private async Task<WampResult> GetAsync(WampInvocation invocation, TDb db, LiveUser user, IServiceProvider services)
    {
        var row = await FindReadableAsync(db, EntityPayload.Key(invocation, entity, runtime.Json), user).ConfigureAwait(false);
        return Row(row);
    }

    private async Task<WampResult> ListAsync(WampInvocation invocation, TDb db, LiveUser user, IServiceProvider services)
    {
        var request = EntityPayload.Object(invocation, IdempotencyKey);
        var version = entity.Version;
        var query = EntityQueries.Build(entity, request, user, services, runtime.Options, db.Set<T>().AsNoTracking());
        var rows = await query.ToListAsync().ConfigureAwait(false);
        var items = rows.Select(r => (object?)entity.ToPayload(r)).ToList();
        return new WampResult([new Dictionary<string, object?>(StringComparer.Ordinal) { ["items"] = items, ["version"] = version }]);
    }

    private async Task<WampResult> UpdateAsync(WampInvocation invocation, TDb db, LiveUser user, IServiceProvider services)
    {
        var (key, changes) = EntityPayload.KeyAndChanges(invocation, entity, runtime.Json, IdempotencyKey);
        var row = await FindReadableAsync(db, key, user).ConfigureAwait(false);
        if (!entity.CanUpdate(row, user))
        {
            throw NotAuthorized("update");
        }

        EntityPayload.Apply(db.Entry(row), entity, changes, runtime.Json);
        EntityValidation.Validate(row, services);
        if (!entity.CanUpdate(row, user))
        {
            throw NotAuthorized("update");
        }

        await db.SaveChangesAsync().ConfigureAwait(false);
        await runtime.Model.State(db).Published.ConfigureAwait(false);
        return Row(row);
    }

    private async Task<WampResult> DeleteAsync(WampInvocation invocation, TDb db, LiveUser user)
    {
        var (key, changes) = EntityPayload.KeyAndChanges(invocation, entity, runtime.Json, IdempotencyKey);
        var row = await FindReadableAsync(db, key, user).ConfigureAwait(false);
        if (!entity.CanDelete(row, user))
        {
            throw NotAuthorized("delete");
        }

        EntityPayload.ExpectToken(db.Entry(row), entity, changes, runtime.Json);
        db.Remove(row);
        await db.SaveChangesAsync().ConfigureAwait(false);
        await runtime.Model.State(db).Published.ConfigureAwait(false);
        return new WampResult([entity.KeyPayload(row)]);
    }

    /// <summary>The row with <paramref name="key"/>, tracked; rows the user may not read do not exist for them.</summary>
    private async Task<T> FindReadableAsync(TDb db, object?[] key, LiveUser user)
    {
        var row = await db.Set<T>().FindAsync(key).ConfigureAwait(false);
        return row is not null && entity.CanRead(row, user)
            ? row
            : throw new WampException(LiveDataErrors.NotFound, $"No {entity.Name} has key {string.Join(", ", key)}.");
    }

    private async Task<WampException> ConflictAsync(WampInvocation invocation, LiveUser user)
    {
        await using var scope = runtime.Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var key = EntityPayload.KeyAndChanges(invocation, entity, runtime.Json, IdempotencyKey).Key;
        var current = await db.Set<T>().FindAsync(key).ConfigureAwait(false);
        var keywords = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["current"] = current is not null && entity.CanRead(current, user) ? entity.ToPayload(current) : null,
        };
        return new WampException(LiveDataErrors.Conflict, [$"The {entity.Name} changed since it was read; nothing was changed."], keywords);
    }

    private WampResult Row(T row) => new([entity.ToPayload(row)]);

    private WampException NotAuthorized(string operation) =>
        new(WampErrors.NotAuthorized, $"You may not {operation} this {entity.Name}.");
}
