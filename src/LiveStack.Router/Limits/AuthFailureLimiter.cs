using System.Threading.RateLimiting;

namespace LiveStack.Router.Limits;

/// <summary>
/// Slows down password guessing: each failed authentication spends one permit of the client
/// address's fixed window; while none is left, that address may not try again.
/// </summary>
internal sealed class AuthFailureLimiter(int failuresPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = failuresPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Whether the address may still attempt to authenticate.</summary>
    public bool MayAttempt(string? address) =>
        address is null || _limiter.GetStatistics(address) is not { CurrentAvailablePermits: <= 0 };

    /// <summary>Records a failed attempt.</summary>
    public void Failed(string? address)
    {
        if (address is not null)
        {
            _limiter.AttemptAcquire(address).Dispose();
        }
    }

    public void Dispose() => _limiter.Dispose();
}
