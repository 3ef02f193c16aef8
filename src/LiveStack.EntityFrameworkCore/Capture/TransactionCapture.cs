using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LiveStack.EntityFrameworkCore;

/// <summary>
/// Orders commits that carry live changes and publishes an explicit transaction's changes when it
/// commits — never on rollback or failure.
/// </summary>
internal sealed class TransactionCapture(LiveDataModel model, ChangeFeed feed) : DbTransactionInterceptor
{
    // A transaction disposed without commit or rollback reports neither: what it saved (and its
    // savepoints) are dropped when the context's next transaction starts, so it is never published.
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData.Context);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // EF does not tell interceptors a savepoint's name, so savepoints are taken as nested: a release
    // or a rollback applies to the last one created.
    public override void CreatedSavepoint(DbTransaction transaction, TransactionEventData eventData) => SavepointCreated(eventData.Context);

    public override Task CreatedSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        SavepointCreated(eventData.Context);
        return Task.CompletedTask;
    }

    public override void ReleasedSavepoint(DbTransaction transaction, TransactionEventData eventData) => SavepointReleased(eventData.Context);

    public override Task ReleasedSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        SavepointReleased(eventData.Context);
        return Task.CompletedTask;
    }

    public override void RolledBackToSavepoint(DbTransaction transaction, TransactionEventData eventData) => SavepointRolledBack(eventData.Context);

    public override Task RolledBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        SavepointRolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (Carries(eventData.Context) is { } state)
        {
            feed.HoldCommitOrder(state);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Carries(eventData.Context) is { } state)
        {
            await feed.HoldCommitOrderAsync(state, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Discard(eventData.Context);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>The context's state when this commit carries live changes (and so must be ordered).</summary>
    private CaptureState? Carries(DbContext? context)
    {
        if (context is null)
        {
            return null;
        }

        var state = model.State(context);
        var carries = (state.InSaveChanges && state.OwnsTransaction && state.Saving.Count > 0)
            || state.AwaitingCommit.Count > 0
            || state.Bypassed.Count > 0;
        return carries ? state : null;
    }

    private void Committed(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var state = model.State(context);
        if (state.InSaveChanges && state.OwnsTransaction)
        {
            // SaveChanges' own transaction: SavedChanges queues the changes (with their final values) and releases the lock.
            return;
        }

        var published = feed.Enqueue([.. state.AwaitingCommit]);
        var refreshed = feed.EnqueueRefresh([.. state.Bypassed]);
        state.Published = Task.WhenAll(published, refreshed);
        state.AwaitingCommit.Clear();
        state.Bypassed.Clear();
        feed.ReleaseCommitOrder(state);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            var state = model.State(context);
            state.AwaitingCommit.Clear();
            state.Bypassed.Clear();
            state.Savepoints.Clear();
        }
    }

    private void SavepointCreated(DbContext? context)
    {
        if (context is not null)
        {
            var state = model.State(context);
            state.Savepoints.Push(state.AwaitingCommit.Count);
        }
    }

    private void SavepointReleased(DbContext? context)
    {
        if (context is not null)
        {
            model.State(context).Savepoints.TryPop(out _);
        }
    }

    /// <summary>The changes saved since the savepoint are undone, so they are not published (the savepoint itself stays).</summary>
    private void SavepointRolledBack(DbContext? context)
    {
        if (context is not null && model.State(context) is { } state
            && state.Savepoints.TryPeek(out var kept) && kept < state.AwaitingCommit.Count)
        {
            state.AwaitingCommit.RemoveRange(kept, state.AwaitingCommit.Count - kept);
        }
    }

    private void Discard(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var state = model.State(context);
        state.AwaitingCommit.Clear();
        state.Bypassed.Clear();
        if (!state.InSaveChanges || !state.OwnsTransaction)
        {
            feed.ReleaseCommitOrder(state);
        }
    }
}
