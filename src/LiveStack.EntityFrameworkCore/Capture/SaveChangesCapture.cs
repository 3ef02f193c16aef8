using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LiveStack.EntityFrameworkCore;

/// <summary>
/// Captures the exposed entities a SaveChanges writes: before saving (what changed, and deleted
/// rows), and after (generated keys, final values). Changes of SaveChanges' own transaction are
/// queued at once; inside the app's explicit transaction they wait for its commit.
/// </summary>
internal sealed class SaveChangesCapture(LiveDataModel model, ChangeFeed feed) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Complete(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Complete(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var state = model.State(context);
        state.Saving.Clear();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || model.Find(context, entry.Metadata.ClrType) is not { } live)
            {
                continue;
            }

            state.Saving.Add(entry.State switch
            {
                EntityState.Added => new SavingEntry(entry, live, ChangeKind.Created, [], null),
                EntityState.Modified => new SavingEntry(entry, live, ChangeKind.Updated, ChangedFields(entry, live), null),
                _ => new SavingEntry(entry, live, ChangeKind.Deleted, [], LiveDataModel.Snapshot(entry.Entity)),
            });
        }

        state.InSaveChanges = true;
        state.OwnsTransaction = context.Database.CurrentTransaction is null;
        if (state.OwnsTransaction && state.Saving.Count > 0)
        {
            // A one-statement save may otherwise run without a transaction, and so without the
            // commit callbacks that order it against other commits.
            state.SavedAutoTransaction ??= context.Database.AutoTransactionBehavior;
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    private void Complete(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var state = model.State(context);
        var changes = state.Saving.Select(Build).ToList();
        state.Saving.Clear();
        state.InSaveChanges = false;
        RestoreAutoTransaction(context, state);
        if (state.OwnsTransaction)
        {
            state.Published = feed.Enqueue(changes);
            feed.ReleaseCommitOrder(state);
        }
        else
        {
            state.AwaitingCommit.AddRange(changes);
        }
    }

    private void Abandon(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var state = model.State(context);
        state.Saving.Clear();
        state.InSaveChanges = false;
        RestoreAutoTransaction(context, state);
        if (state.OwnsTransaction)
        {
            feed.ReleaseCommitOrder(state);
        }
    }

    private static void RestoreAutoTransaction(DbContext context, CaptureState state)
    {
        if (state.SavedAutoTransaction is { } behavior)
        {
            context.Database.AutoTransactionBehavior = behavior;
            state.SavedAutoTransaction = null;
        }
    }

    private static EntityChange Build(SavingEntry saving)
    {
        var row = saving.DeletedRow ?? LiveDataModel.Snapshot(saving.Entry.Entity);
        return new EntityChange(saving.Entity, saving.Kind, row, saving.Entity.ToPayload(row), saving.Changed);
    }

    private static string[] ChangedFields(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, LiveEntity live) =>
        [.. live.Fields.Where(f => entry.Property(f.Property.Name).IsModified).Select(f => f.Name)];
}
