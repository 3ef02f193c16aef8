namespace LiveStack.Wamp;

/// <summary>
/// Thrown when bytes or a message break the WAMP protocol (malformed encoding, wrong element
/// types, bad ids). A router answers it with ABORT <see cref="WampErrors.ProtocolViolation"/>.
/// </summary>
public sealed class WampProtocolException : Exception
{
    /// <summary>Creates the exception with a message safe to send to the peer.</summary>
    public WampProtocolException(string message) : base(message) { }

    /// <summary>Creates the exception with a message safe to send to the peer and the underlying cause.</summary>
    public WampProtocolException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a generic message.</summary>
    public WampProtocolException() : base("WAMP protocol violation.") { }
}
