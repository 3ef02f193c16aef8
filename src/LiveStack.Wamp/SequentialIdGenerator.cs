namespace LiveStack.Wamp;

/// <summary>
/// Thread-safe sequential ids for the router scope (subscriptions, registrations) and the
/// session scope (request ids): 1, 2, 3, …, wrapping to 1 after 2^53.
/// </summary>
public sealed class SequentialIdGenerator
{
    private long _last;

    /// <summary>Returns the next id.</summary>
    public long Next()
    {
        while (true)
        {
            var last = Volatile.Read(ref _last);
            var next = WampIds.Next(last);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}
