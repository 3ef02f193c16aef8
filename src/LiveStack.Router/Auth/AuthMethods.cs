namespace LiveStack.Router.Auth;

/// <summary>The authentication method names of the WAMP spec that LiveStack implements.</summary>
public static class AuthMethods
{
    /// <summary>No credentials.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>A cleartext ticket (password or token); use TLS.</summary>
    public const string Ticket = "ticket";

    /// <summary>Challenge-response with an HMAC-SHA256 of a shared secret.</summary>
    public const string WampCra = "wampcra";

    /// <summary>Ed25519 signature of a random challenge.</summary>
    public const string Cryptosign = "cryptosign";

    /// <summary>The identity of the HTTP request that opened the WebSocket (ASP.NET Core authentication).</summary>
    public const string Http = "http";

    /// <summary>The host's own in-process session (see <see cref="TransportDetails.IsTrusted"/>).</summary>
    public const string Trusted = "trusted";
}
