using System.Diagnostics;
using LiveStack.Benchmarks.Client;
using LiveStack.Client;

namespace LiveStack.Benchmarks.LiveData;

/// <summary>
/// One client holding a live query: its own <see cref="WampSession"/> (its own WebSocket) and one
/// progressive call of <c>todo_item.live</c>. It counts the deltas, notices gaps in their versions,
/// and records for every added row sent inside the measured window how long after its create was
/// sent the delta arrived here.
/// </summary>
internal sealed class LiveSubscriber : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly WampSession _session;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _snapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LatencyHistogram _latency = new();
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;
    private long _deltas;
    private long _version;
    private long _gaps;
    private Task _loop = Task.CompletedTask;

    private LiveSubscriber(WampSession session) => _session = session;

    /// <summary>Deltas received so far.</summary>
    public long Deltas => Interlocked.Read(ref _deltas);

    /// <summary>The version of the last update received.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Versions skipped between consecutive deltas (every create changes this query, so 0 means none was lost).</summary>
    public long Gaps => Interlocked.Read(ref _gaps);

    /// <summary>Set when the live call ended or failed before it was stopped.</summary>
    public string? Failure { get; private set; }

    /// <summary>Connects, starts the live query and waits for its snapshot.</summary>
    public static async Task<LiveSubscriber> StartAsync(string url, IReadOnlyDictionary<string, object?> query, CancellationToken cancellationToken)
    {
        var subscriber = new LiveSubscriber(await WampSession.ConnectAsync(url, cancellationToken: cancellationToken).ConfigureAwait(false));
        subscriber._loop = Task.Run(() => subscriber.RunAsync(query), CancellationToken.None);
        await subscriber._snapshot.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        return subscriber;
    }

    /// <summary>From now on, records the latency of rows whose create was sent between the two <see cref="Stopwatch"/> timestamps.</summary>
    public void Record(long windowStart, long windowEnd)
    {
        lock (_gate)
        {
            _latency = new LatencyHistogram();
            _windowStart = windowStart;
            _windowEnd = windowEnd;
        }
    }

    /// <summary>The latencies recorded so far.</summary>
    public LatencyHistogram Latency()
    {
        lock (_gate)
        {
            var copy = new LatencyHistogram();
            copy.Add(_latency);
            return copy;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }

        await _session.LeaveAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(IReadOnlyDictionary<string, object?> query)
    {
        try
        {
            await foreach (var part in _session.CallProgressiveAsync("todo_item.live", argumentsKeywords: query, cancellationToken: _stop.Token).ConfigureAwait(false))
            {
                Receive(part, Stopwatch.GetTimestamp());
            }

            Failure = "the live call ended";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failure = $"{e.GetType().Name}: {e.Message}";
            _snapshot.TrySetException(e);
        }
    }

    private void Receive(WampResult part, long now)
    {
        var update = (IReadOnlyDictionary<string, object?>)part.Arguments[0]!;
        var version = (long)update["version"]!;
        if ((string?)update["type"] == "snapshot")
        {
            Interlocked.Exchange(ref _version, version);
            _snapshot.TrySetResult();
            return;
        }

        var previous = Interlocked.Exchange(ref _version, version);
        if (version > previous + 1)
        {
            Interlocked.Add(ref _gaps, version - previous - 1);
        }

        Interlocked.Increment(ref _deltas);
        lock (_gate)
        {
            foreach (var added in (IReadOnlyList<object?>)update["added"]!)
            {
                var row = (IReadOnlyDictionary<string, object?>)((IReadOnlyDictionary<string, object?>)added!)["row"]!;
                var sentAt = Convert.ToInt64(row["sentAt"], System.Globalization.CultureInfo.InvariantCulture);
                if (sentAt >= _windowStart && sentAt < _windowEnd)
                {
                    _latency.Record((long)Stopwatch.GetElapsedTime(sentAt, now).TotalNanoseconds);
                }
            }
        }
    }
}
