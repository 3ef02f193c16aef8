namespace LiveStack.EntityFrameworkCore;

/// <summary>
/// One evaluation of a live query, shared by every caller that asked the same thing (with the same
/// read permissions). It holds the current result, the version it reflects, and the recent deltas
/// that let a reconnecting caller catch up. Only the change feed's loop touches the result.
/// </summary>
internal abstract class SharedLiveQuery(LiveEntity entity, string key, int resumeWindow)
{
    private readonly Lock _gate = new();
    private readonly Queue<LiveDelta> _history = new();
    private LiveStream[] _streams = [];

    public LiveEntity Entity => entity;

    public string Key => key;

    /// <summary>The entity version the current result reflects.</summary>
    public long Version { get; protected set; }

    /// <summary>The history is complete for every version after this one.</summary>
    public long HistoryStart { get; private set; }

    public List<LiveRow> Rows { get; protected set; } = [];

    public DateTimeOffset? IdleSince { get; private set; }

    public abstract Task LoadAsync();

    /// <summary>Applies changes in memory when it can; false when the result must be reloaded from the database.</summary>
    public abstract bool TryApply(EntityChange change);

    public void Loaded(long version)
    {
        Version = version;
        HistoryStart = version;
    }

    public void Attach(LiveStream stream)
    {
        lock (_gate)
        {
            _streams = [.. _streams, stream];
            IdleSince = null;
        }
    }

    public void Detach(LiveStream stream, DateTimeOffset now)
    {
        stream.Close();
        lock (_gate)
        {
            _streams = [.. _streams.Where(s => s != stream)];
            if (_streams.Length == 0)
            {
                IdleSince = now;
            }
        }
    }

    /// <summary>The deltas after <paramref name="since"/>, or null when the history no longer reaches back that far.</summary>
    public IReadOnlyList<LiveDelta>? Since(long since) =>
        since >= HistoryStart && since <= Version ? [.. _history.Where(d => d.Version > since)] : null;

    public Dictionary<string, object?> Snapshot(string epoch) => new(StringComparer.Ordinal)
    {
        ["type"] = "snapshot",
        ["epoch"] = epoch,
        ["version"] = Version,
        ["rows"] = Rows.Select(r => (object?)r.Payload).ToList(),
    };

    /// <summary>Moves to <paramref name="version"/> with the result now in <see cref="Rows"/>, and sends what changed since <paramref name="before"/>.</summary>
    public async Task PublishAsync(List<LiveRow> before, long version)
    {
        var delta = ResultDiff.Between(before, Rows, Entity, version);
        Version = version;
        if (delta.IsEmpty)
        {
            return;
        }

        _history.Enqueue(delta);
        while (_history.Count > resumeWindow)
        {
            HistoryStart = _history.Dequeue().Version;
        }

        var payload = delta.ToPayload();
        foreach (var stream in Volatile.Read(ref _streams))
        {
            await stream.SendAsync(payload).ConfigureAwait(false);
        }
    }
}
