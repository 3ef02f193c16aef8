using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace LiveStack.EntityFrameworkCore;

/// <summary>
/// The ordered stream of committed changes. Commits that carry live changes take
/// <see cref="CommitOrder"/> from just before the commit until their changes are queued here, so
/// versions follow commit order; one loop then publishes each batch (change events, then live-query
/// deltas) in that order. Snapshots of live queries run on the same loop under the same lock, so a
/// snapshot and the stream after it neither miss nor repeat a change.
/// </summary>
internal sealed class ChangeFeed : IAsyncDisposable
{
    private readonly Channel<FeedItem> _items = Channel.CreateUnbounded<FeedItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger _logger;
    private readonly Task _loop;
    private Func<IReadOnlyList<EntityChange>, Task>? _onBatch;
    private Func<IReadOnlyCollection<LiveEntity>, Task>? _onRefresh;

    public ChangeFeed(ILogger logger)
    {
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Held by a committing context from just before its commit until its changes are queued.</summary>
    public SemaphoreSlim CommitOrder { get; } = new(1, 1);

    /// <summary>Takes <see cref="CommitOrder"/> for a committing context and records that it holds it.</summary>
    public void HoldCommitOrder(CaptureState state)
    {
        CommitOrder.Wait();
        state.HoldsCommitLock = true;
    }

    /// <inheritdoc cref="HoldCommitOrder"/>
    public async Task HoldCommitOrderAsync(CaptureState state, CancellationToken cancellationToken)
    {
        await CommitOrder.WaitAsync(cancellationToken).ConfigureAwait(false);
        state.HoldsCommitLock = true;
    }

    /// <summary>Releases <see cref="CommitOrder"/> if the context holds it; safe to call on every path that ends a commit.</summary>
    public void ReleaseCommitOrder(CaptureState state)
    {
        if (state.HoldsCommitLock)
        {
            state.HoldsCommitLock = false;
            CommitOrder.Release();
        }
    }

    /// <summary>Connects what each batch and refresh does (publication and live queries); called once at start.</summary>
    public void Connect(Func<IReadOnlyList<EntityChange>, Task> onBatch, Func<IReadOnlyCollection<LiveEntity>, Task> onRefresh)
    {
        _onBatch = onBatch;
        _onRefresh = onRefresh;
    }

    /// <summary>Queues one SaveChanges' changes, giving each its entity's next version. Call while holding <see cref="CommitOrder"/>.</summary>
    /// <returns>Completes when the batch has been published.</returns>
    public Task Enqueue(IReadOnlyList<EntityChange> changes)
    {
        if (changes.Count == 0)
        {
            return Task.CompletedTask;
        }

        foreach (var change in changes)
        {
            change.Version = change.Entity.NextVersion();
        }

        return Queue(new FeedItem.Batch(changes));
    }

    /// <summary>Queues a refresh of the live queries of entities written around the change tracker. Call while holding <see cref="CommitOrder"/>.</summary>
    public Task EnqueueRefresh(IReadOnlyCollection<LiveEntity> entities)
    {
        foreach (var entity in entities)
        {
            entity.NextVersion();
        }

        return entities.Count == 0 ? Task.CompletedTask : Queue(new FeedItem.Refresh([.. entities]));
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the feed's loop with <see cref="CommitOrder"/> held: every
    /// committed change is then either already queued before it (and versioned) or not yet committed.
    /// </summary>
    public async Task<T> RunExclusiveAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        await Queue(new FeedItem.Exclusive(async () =>
        {
            await CommitOrder.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                result.TrySetResult(await work().ConfigureAwait(false));
            }
            catch (Exception e)
            {
                result.TrySetException(e);
            }
            finally
            {
                CommitOrder.Release();
            }
        })).WaitAsync(cancellationToken).ConfigureAwait(false);
        return await result.Task.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _items.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        CommitOrder.Dispose();
    }

    private Task Queue(FeedItem item)
    {
        if (!_items.Writer.TryWrite(item))
        {
            item.Done.TrySetResult();
        }

        return item.Done.Task;
    }

    private async Task RunAsync()
    {
        await foreach (var item in _items.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                switch (item)
                {
                    case FeedItem.Batch batch when _onBatch is not null:
                        await _onBatch(batch.Changes).ConfigureAwait(false);
                        break;
                    case FeedItem.Refresh refresh when _onRefresh is not null:
                        await _onRefresh(refresh.Entities).ConfigureAwait(false);
                        break;
                    case FeedItem.Exclusive exclusive:
                        await exclusive.Work().ConfigureAwait(false);
                        break;
                }
            }
            catch (Exception e)
            {
                // One failed publication must not stop the stream; the change is committed either way.
                LiveDataLog.FeedItemFailed(_logger, e);
            }
            finally
            {
                item.Done.TrySetResult();
            }
        }
    }

    private abstract record FeedItem
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public sealed record Batch(IReadOnlyList<EntityChange> Changes) : FeedItem;

        public sealed record Refresh(IReadOnlyCollection<LiveEntity> Entities) : FeedItem;

        public sealed record Exclusive(Func<Task> Work) : FeedItem;
    }
}
