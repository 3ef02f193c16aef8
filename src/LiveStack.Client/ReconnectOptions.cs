namespace LiveStack.Client;

/// <summary>How <see cref="LiveClient"/> retries: exponential backoff with jitter, forever by default.</summary>
public sealed class ReconnectOptions
{
    /// <summary>Reconnect after a lost connection and retry a failed first connect. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The first delay. Default: 500 ms.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay. Default: 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Each failed attempt multiplies the delay by this. Default: 2.</summary>
    public double Multiplier { get; set; } = 2;

    /// <summary>Each delay varies randomly by up to this fraction either way, so clients do not return in lockstep. Default: 0.3.</summary>
    public double Jitter { get; set; } = 0.3;

    /// <summary>Give up after this many failed attempts in a row; null retries forever. Default: null.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>The delay before retry number <paramref name="attempt"/> (0-based).</summary>
    public TimeSpan DelayFor(int attempt)
    {
        var nominal = InitialDelay.TotalMilliseconds * Math.Pow(Multiplier, Math.Min(attempt, 60));
        var capped = Math.Min(nominal, MaxDelay.TotalMilliseconds);
        var jittered = capped * (1 + (Jitter * ((Random.Shared.NextDouble() * 2) - 1)));
        return TimeSpan.FromMilliseconds(Math.Max(0, jittered));
    }

    internal void Validate()
    {
        if (InitialDelay < TimeSpan.Zero || MaxDelay < InitialDelay)
        {
            throw new InvalidOperationException("Reconnect:InitialDelay must be at least zero and Reconnect:MaxDelay at least InitialDelay.");
        }

        if (Multiplier < 1 || Jitter is < 0 or > 1 || MaxAttempts is < 0)
        {
            throw new InvalidOperationException("Reconnect:Multiplier must be at least 1, Reconnect:Jitter between 0 and 1, and Reconnect:MaxAttempts not negative.");
        }
    }
}
