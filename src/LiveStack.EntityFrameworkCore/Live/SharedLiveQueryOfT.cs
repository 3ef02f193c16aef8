using LiveStack.EntityFrameworkCore.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStack.EntityFrameworkCore;

/// <summary>
/// A live query over entity <typeparamref name="T"/>. Client queries without an offset are kept up
/// to date in memory (filter, order and limit are re-checked on each changed row); a page that loses
/// a row while full, an offset, or a named query is reloaded from the database instead.
/// </summary>
internal sealed class SharedLiveQuery<TDb, T>(
    LiveDataRuntime runtime,
    LiveEntity<T> entity,
    string key,
    IReadOnlyDictionary<string, object?> request,
    EntityQuery<T>? clientQuery,
    LiveUser user) : SharedLiveQuery(entity, key, runtime.Options.ResumeWindow)
    where TDb : DbContext
    where T : class
{
    private readonly Comparer<LiveRow>? _rowComparer = clientQuery is null
        ? null
        : Comparer<LiveRow>.Create((a, b) => clientQuery!.Comparer.Compare((T)a.Entity, (T)b.Entity));

    public override async Task LoadAsync()
    {
        await using var scope = runtime.Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var query = EntityQueries.Build(entity, request, user, scope.ServiceProvider, runtime.Options, db.Set<T>().AsNoTracking());
        var rows = await query.ToListAsync().ConfigureAwait(false);
        Rows = [.. rows.Select(Row)];
    }

    public override bool TryApply(EntityChange change)
    {
        if (clientQuery is not { Skip: 0 } query)
        {
            return false;
        }

        var key = entity.KeyOf(change.Row);
        var index = Rows.FindIndex(r => r.Key == key);
        var wasFull = Rows.Count >= query.Take;
        var row = (T)change.Row;
        var visible = change.Kind != ChangeKind.Deleted && query.Matches(row) && entity.CanRead(row, user);
        if (index >= 0)
        {
            Rows.RemoveAt(index);
        }

        if (!visible)
        {
            // A full page that loses a row must be refilled from rows the page never held.
            return index < 0 || !wasFull;
        }

        var position = Rows.BinarySearch(new LiveRow(key, row, change.Payload), _rowComparer);
        position = position < 0 ? ~position : position;

        // Past the last row of a full page, rows the page never held may come first.
        if (position >= query.Take || (wasFull && position == Rows.Count))
        {
            return index < 0 || !wasFull;
        }

        Rows.Insert(position, new LiveRow(key, row, change.Payload));
        if (Rows.Count > query.Take)
        {
            Rows.RemoveAt(Rows.Count - 1);
        }

        return true;
    }

    private LiveRow Row(T row) => new(entity.KeyOf(row), row, entity.ToPayload(row));
}
