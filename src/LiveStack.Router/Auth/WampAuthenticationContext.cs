namespace LiveStack.Router.Auth;

/// <summary>What an authenticator is asked about a joining session.</summary>
/// <param name="Realm">The realm the session wants to join.</param>
/// <param name="AuthMethod">The method being tried: <c>ticket</c>, <c>wampcra</c> or <c>cryptosign</c>.</param>
/// <param name="AuthId">The identity the client claims (HELLO <c>authid</c>), if any.</param>
/// <param name="AuthExtra">HELLO <c>authextra</c> (Cryptosign puts its <c>pubkey</c> here).</param>
/// <param name="Transport">The transport the session arrived on.</param>
public sealed record WampAuthenticationContext(
    string Realm,
    string AuthMethod,
    string? AuthId,
    IReadOnlyDictionary<string, object?> AuthExtra,
    TransportDetails Transport)
{
    /// <summary><c>ticket</c> only: the ticket the client sent, for the authenticator to verify.</summary>
    public string? Ticket { get; init; }
}
