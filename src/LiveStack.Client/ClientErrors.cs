namespace LiveStack.Client;

/// <summary>Error URIs the client raises itself, in addition to <see cref="LiveStack.Wamp.WampErrors"/>.</summary>
public static class ClientErrors
{
    /// <summary>The connection (or session) ended before the reply arrived; the request may or may not have been carried out.</summary>
    public const string ConnectionLost = "livestack.error.connection_lost";

    /// <summary>The client was stopped (or disposed) while the request waited.</summary>
    public const string ClientStopped = "livestack.error.client_stopped";

    /// <summary>A handler failed with an exception other than <see cref="WampException"/>; the details are in the callee's log.</summary>
    public const string RuntimeError = "wamp.error.runtime_error";
}
