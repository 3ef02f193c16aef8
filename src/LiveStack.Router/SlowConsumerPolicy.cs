namespace LiveStack.Router;

/// <summary>What the router does with an EVENT for a session whose outbound queue is full.</summary>
public enum SlowConsumerPolicy
{
    /// <summary>
    /// Drop the event for that session only, count it in the <c>livestack.router.events.dropped</c>
    /// metric and log a warning (at most once per burst). Other sessions are unaffected. The default.
    /// </summary>
    DropEvents,

    /// <summary>Abort the slow session; it must reconnect and resynchronise.</summary>
    Disconnect,
}
