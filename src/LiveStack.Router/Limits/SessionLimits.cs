using System.Collections.Concurrent;

namespace LiveStack.Router.Limits;

/// <summary>Counts open sessions in total and per client address, refusing those over the limits.</summary>
internal sealed class SessionLimits(RouterOptions options)
{
    private readonly ConcurrentDictionary<string, int> _perAddress = new(StringComparer.Ordinal);
    private int _total;

    /// <summary>Admits a session, or returns false when a limit is reached.</summary>
    public bool TryAdmit(string? address)
    {
        if (Interlocked.Increment(ref _total) > options.MaxSessions)
        {
            Interlocked.Decrement(ref _total);
            return false;
        }

        if (address is null)
        {
            return true;
        }

        var count = _perAddress.AddOrUpdate(address, 1, static (_, n) => n + 1);
        if (count > options.MaxSessionsPerAddress)
        {
            Release(address);
            return false;
        }

        return true;
    }

    public void Release(string? address)
    {
        Interlocked.Decrement(ref _total);
        if (address is null)
        {
            return;
        }

        // Remove the entry at zero so a flood of distinct addresses leaves nothing behind.
        if (_perAddress.AddOrUpdate(address, 0, static (_, n) => n - 1) <= 0)
        {
            _perAddress.TryRemove(new KeyValuePair<string, int>(address, 0));
        }
    }
}
