namespace LiveStack.Router.Sessions;

/// <summary>The states of a router-side WAMP session.</summary>
public enum SessionState
{
    /// <summary>The transport is open; only HELLO is legal.</summary>
    Establishing,

    /// <summary>A CHALLENGE was sent; only AUTHENTICATE is legal.</summary>
    Authenticating,

    /// <summary>WELCOME was sent; the session routes messages.</summary>
    Established,

    /// <summary>The router sent GOODBYE and waits for the reply; everything else is ignored.</summary>
    ShuttingDown,

    /// <summary>The session is over (GOODBYE exchange, ABORT or lost transport); the transport closes once the queue is flushed.</summary>
    Closed,
}
