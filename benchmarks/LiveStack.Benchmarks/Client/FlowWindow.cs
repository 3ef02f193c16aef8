namespace LiveStack.Benchmarks.Client;

/// <summary>
/// Keeps at most <c>size</c> publications in flight, so a fan-out run measures how fast a server
/// forwards rather than how it copes with an ever-growing backlog (a router would start dropping
/// events at its queue limit). The publisher sleeps until subscribers have caught up to half the window.
/// </summary>
internal sealed class FlowWindow(int size, int fanOut)
{
    public const int DefaultSize = 64;
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(1);

    private long _published;
    private long _delivered;
    private TaskCompletionSource? _waiter;

    /// <summary>Called by the single publisher before each send.</summary>
    public async ValueTask WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (InFlight() >= (long)size * fanOut)
        {
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // A full fence, then a re-check: a delivery that landed in between must not be missed.
            Interlocked.Exchange(ref _waiter, waiter);
            if (InFlight() < (long)size * fanOut)
            {
                Interlocked.CompareExchange(ref _waiter, null, waiter);
                return;
            }

            try
            {
                await waiter.Task.WaitAsync(StallTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Events the server dropped never arrive; forgive them rather than stall for good.
                Volatile.Write(ref _published, Volatile.Read(ref _delivered) / fanOut);
            }
        }
    }

    public void Published() => Volatile.Write(ref _published, Volatile.Read(ref _published) + 1);

    /// <summary>Called by every subscriber loop for each event.</summary>
    public void Delivered()
    {
        var delivered = Interlocked.Increment(ref _delivered);
        if (Volatile.Read(ref _waiter) is { } waiter
            && (Volatile.Read(ref _published) * fanOut) - delivered <= (long)size * fanOut / 2
            && Interlocked.CompareExchange(ref _waiter, null, waiter) == waiter)
        {
            waiter.TrySetResult();
        }
    }

    private long InFlight() => (Volatile.Read(ref _published) * fanOut) - Volatile.Read(ref _delivered);
}
