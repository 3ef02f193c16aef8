using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LiveStack.EntityFrameworkCore;

/// <summary>What the interceptors know about one DbContext between callbacks.</summary>
internal sealed class CaptureState
{
    /// <summary>Entries of exposed entities being saved, captured before SaveChanges runs.</summary>
    public List<SavingEntry> Saving { get; } = [];

    /// <summary>Changes saved inside the app's explicit transaction, published when it commits.</summary>
    public List<EntityChange> AwaitingCommit { get; } = [];

    /// <summary>For each open savepoint of the current transaction, how many changes were awaiting commit when it was created.</summary>
    public Stack<int> Savepoints { get; } = new();

    /// <summary>Entities whose tables were written by commands outside SaveChanges in the current transaction.</summary>
    public HashSet<LiveEntity> Bypassed { get; } = [];

    public bool InSaveChanges { get; set; }

    /// <summary>True when SaveChanges runs its own transaction (no explicit one was open).</summary>
    public bool OwnsTransaction { get; set; }

    /// <summary>The context's own setting, while SaveChanges forces a transaction.</summary>
    public Microsoft.EntityFrameworkCore.AutoTransactionBehavior? SavedAutoTransaction { get; set; }

    /// <summary>True while this context holds the feed's commit-order lock.</summary>
    public bool HoldsCommitLock { get; set; }

    /// <summary>Completes when the changes of this context's last commit have been published.</summary>
    public Task Published { get; set; } = Task.CompletedTask;
}

/// <summary>One entry captured before saving: its kind, changed properties, and for deletes a copy of the row.</summary>
internal sealed record SavingEntry(EntityEntry Entry, LiveEntity Entity, ChangeKind Kind, IReadOnlyList<string> Changed, object? DeletedRow);
