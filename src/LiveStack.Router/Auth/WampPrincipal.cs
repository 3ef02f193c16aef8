namespace LiveStack.Router.Auth;

/// <summary>
/// Who a session is, as an authenticator found it: the identity and role it gets, plus what the
/// router needs to check the client's proof (a WAMP-CRA secret, Cryptosign public keys).
/// </summary>
/// <param name="AuthId">The identity the session gets (WELCOME <c>authid</c>).</param>
/// <param name="AuthRole">The role the session gets (WELCOME <c>authrole</c>); it must exist in the realm.</param>
public sealed record WampPrincipal(string AuthId, string AuthRole)
{
    /// <summary>WAMP-CRA: the secret (or, with <see cref="Salt"/>, the password the key is derived from).</summary>
    public string? Secret { get; init; }

    /// <summary>WAMP-CRA salted secrets: the salt sent in the challenge.</summary>
    public string? Salt { get; init; }

    /// <summary>WAMP-CRA salted secrets: PBKDF2 iterations. Default: 1000.</summary>
    public int Iterations { get; init; } = 1000;

    /// <summary>WAMP-CRA salted secrets: derived key length in bytes. Default: 32.</summary>
    public int KeyLength { get; init; } = 32;

    /// <summary>Cryptosign: the Ed25519 public keys (hex) this principal may sign in with.</summary>
    public IReadOnlyCollection<string> PublicKeys { get; init; } = [];

    /// <summary>Extra information returned to the client in WELCOME <c>authextra</c>.</summary>
    public IReadOnlyDictionary<string, object?>? AuthExtra { get; init; }
}
