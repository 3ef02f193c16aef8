namespace LiveStack.Router.Auth;

/// <summary>
/// How sessions authenticate into a realm. Static principals are keyed by authid; their secrets
/// should come from environment variables or user secrets (configuration keys such as
/// <c>LiveStack__Realms__0__Auth__Ticket__alice__Ticket</c>), never from a committed file.
/// </summary>
public sealed class RealmAuthOptions
{
    /// <summary>
    /// The role anonymous sessions get, or null to refuse anonymous sessions. Default: null for a
    /// realm with roles; an open realm (no roles) always admits anonymous sessions as <c>anonymous</c>.
    /// </summary>
    public string? AnonymousRole { get; set; }

    /// <summary><c>ticket</c> principals: authid → ticket and role.</summary>
    public IDictionary<string, TicketPrincipal> Ticket { get; } = new Dictionary<string, TicketPrincipal>(StringComparer.Ordinal);

    /// <summary><c>wampcra</c> principals: authid → secret (optionally salted) and role.</summary>
    public IDictionary<string, WampCraPrincipal> WampCra { get; } = new Dictionary<string, WampCraPrincipal>(StringComparer.Ordinal);

    /// <summary><c>cryptosign</c> principals: authid → Ed25519 public keys (hex) and role.</summary>
    public IDictionary<string, CryptosignPrincipal> Cryptosign { get; } = new Dictionary<string, CryptosignPrincipal>(StringComparer.Ordinal);

    /// <summary>
    /// A procedure (Crossbar-style dynamic authenticator) the router calls for the methods in
    /// <see cref="Methods"/> when no static principal matches: <c>(realm, authid, details)</c>, where
    /// details carry <c>authmethod</c>, <c>authextra</c> and, for ticket, <c>ticket</c>. It returns the
    /// role as a string, or a dict with <c>role</c> and optionally <c>authid</c>, <c>secret</c>,
    /// <c>salt</c>, <c>iterations</c>, <c>keylen</c> (wampcra), <c>pubkey</c> (cryptosign) and <c>extra</c>;
    /// an ERROR denies. A component registers it (its role needs <c>register</c> on the URI).
    /// </summary>
    public string? Authenticator { get; set; }

    /// <summary>
    /// Which methods this realm offers beyond anonymous, whether static principals or a DI
    /// <see cref="IWampAuthenticator"/> back them. Default: those that have static principals.
    /// Add <c>ticket</c>, <c>wampcra</c> or <c>cryptosign</c> to offer a method served only by an authenticator.
    /// </summary>
    public IList<string> Methods { get; } = [];
}

/// <summary>A static <c>ticket</c> principal.</summary>
public sealed class TicketPrincipal
{
    /// <summary>The ticket (password) the client must send.</summary>
    public string Ticket { get; set; } = string.Empty;

    /// <summary>The role the session gets.</summary>
    public string Role { get; set; } = string.Empty;
}

/// <summary>A static <c>wampcra</c> principal.</summary>
public sealed class WampCraPrincipal
{
    /// <summary>The secret; with <see cref="Salt"/>, the password the key is derived from.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>The role the session gets.</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>Salt for a salted secret (PBKDF2-HMAC-SHA256), or null.</summary>
    public string? Salt { get; set; }

    /// <summary>PBKDF2 iterations for a salted secret. Default: 1000.</summary>
    public int Iterations { get; set; } = 1000;

    /// <summary>Derived key length in bytes for a salted secret. Default: 32.</summary>
    public int KeyLength { get; set; } = 32;
}

/// <summary>A static <c>cryptosign</c> principal.</summary>
public sealed class CryptosignPrincipal
{
    /// <summary>The Ed25519 public keys (64 hex characters each) the principal may sign in with.</summary>
    public IList<string> PublicKeys { get; } = [];

    /// <summary>The role the session gets.</summary>
    public string Role { get; set; } = string.Empty;
}
