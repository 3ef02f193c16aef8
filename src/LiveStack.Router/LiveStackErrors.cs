namespace LiveStack.Router;

/// <summary>Error URIs LiveStack adds where the WAMP spec has none.</summary>
public static class LiveStackErrors
{
    /// <summary>The session sent more requests than <see cref="RouterOptions.MessagesPerSecond"/> allows.</summary>
    public const string RateLimitExceeded = "livestack.error.rate_limit_exceeded";

    /// <summary>Too many failed authentications from the client's address (WAMP's own URI).</summary>
    public const string AuthenticationDenied = "wamp.error.authentication_denied";
}
