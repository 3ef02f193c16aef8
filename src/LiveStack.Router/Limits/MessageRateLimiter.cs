using System.Threading.RateLimiting;

namespace LiveStack.Router.Limits;

/// <summary>
/// The per-session request budget: a token bucket per session (System.Threading.RateLimiting),
/// refilled every 100 ms by one shared timer, so an idle session costs nothing.
/// </summary>
internal sealed class MessageRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<long> _limiter;

    public MessageRateLimiter(int messagesPerSecond, int burst)
    {
        var perTick = Math.Max(1, messagesPerSecond / 10);
        _limiter = PartitionedRateLimiter.Create<long, long>(session => RateLimitPartition.GetTokenBucketLimiter(session, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(burst, perTick),
            TokensPerPeriod = perTick,
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            AutoReplenishment = true,
            QueueLimit = 0,
        }));
    }

    /// <summary>Takes one token for the session; false when its budget is spent.</summary>
    public bool TryAcquire(long session)
    {
        using var lease = _limiter.AttemptAcquire(session);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
