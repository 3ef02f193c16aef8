using System.Collections.Concurrent;
using LiveStack.Client;

namespace LiveStack.EntityFrameworkCore;

/// <summary>
/// Remembers the outcome of writes that carried an idempotency key, per caller identity, so a
/// write retried after a reconnect applies once and answers as the first attempt did. Kept in
/// memory for <see cref="LiveDataOptions.IdempotencyWindow"/>.
/// </summary>
internal sealed class IdempotencyCache(TimeProvider time, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _lastSweep;

    public async Task<WampResult> RunAsync(string identity, string procedure, string? key, Func<Task<WampResult>> write)
    {
        if (key is null || window <= TimeSpan.Zero)
        {
            return await write().ConfigureAwait(false);
        }

        Sweep();
        var now = time.GetUtcNow();
        var entry = _entries.GetOrAdd($"{identity}\n{procedure}\n{key}", _ => new Entry(now, new Lazy<Task<WampResult>>(write)));
        try
        {
            return await entry.Outcome.Value.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not WampException)
        {
            // Only definite outcomes are remembered; anything else may be retried.
            _entries.TryRemove(new KeyValuePair<string, Entry>($"{identity}\n{procedure}\n{key}", entry));
            throw;
        }
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        var last = Interlocked.Read(ref _lastSweep);
        if (now.UtcTicks - last < window.Ticks / 4 || Interlocked.CompareExchange(ref _lastSweep, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (key, entry) in _entries)
        {
            if (now - entry.Created > window)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private sealed record Entry(DateTimeOffset Created, Lazy<Task<WampResult>> Outcome);
}
