using System.Text.Json;
using LiveStack.Client.Auth;

namespace LiveStack.Client;

/// <summary>
/// Where and how a <see cref="LiveClient"/> connects. Bound from the <c>LiveStack:Client</c>
/// configuration section by <c>LiveApp</c>; every property has a default that works against
/// <c>livestack serve</c> on this machine.
/// </summary>
public sealed class LiveClientOptions
{
    /// <summary>The default router URL: <c>ws://127.0.0.1:8080/ws</c>.</summary>
    public const string DefaultUrl = "ws://127.0.0.1:8080/ws";

    /// <summary>Router URLs (<c>ws://</c>, <c>wss://</c>, <c>rs://</c>), tried in turn on each (re)connect. Default: <see cref="DefaultUrl"/>.</summary>
    public IList<string> Urls { get; } = [];

    /// <summary>The realm. Default: <c>realm1</c>.</summary>
    public string Realm { get; set; } = "realm1";

    /// <summary>The serializer: <c>json</c>, <c>msgpack</c> or <c>cbor</c>. Default: json.</summary>
    public string Serializer { get; set; } = "json";

    /// <summary>The authentication method from configuration: <c>anonymous</c>, <c>ticket</c>, <c>wampcra</c> or <c>cryptosign</c>. Default: anonymous.</summary>
    public string AuthMethod { get; set; } = "anonymous";

    /// <summary>The authid for ticket, wampcra and cryptosign.</summary>
    public string? AuthId { get; set; }

    /// <summary>The ticket or the WAMP-CRA secret.</summary>
    public string? Secret { get; set; }

    /// <summary>The Cryptosign private key: a 32-byte Ed25519 seed in hex.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Authentication set in code; takes precedence over <see cref="AuthMethod"/> and friends.</summary>
    public WampAuthentication? Authentication { get; set; }

    /// <summary>Send handler exception messages to callers. Default: false.</summary>
    public bool DetailedErrors { get; set; }

    /// <summary>How long the router may take to answer HELLO or GOODBYE. Default: 10 seconds.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retry policy.</summary>
    public ReconnectOptions Reconnect { get; } = new();

    /// <summary>How payloads bind to CLR types. Default: <see cref="WampConvert.DefaultOptions"/>.</summary>
    public JsonSerializerOptions JsonOptions { get; set; } = WampConvert.DefaultOptions;

    /// <summary>The authentication to use: <see cref="Authentication"/>, or one built from the configuration properties.</summary>
    /// <exception cref="InvalidOperationException">The configuration is incomplete (e.g. ticket without a secret).</exception>
    public WampAuthentication ResolveAuthentication() => Authentication ?? AuthMethod.ToLowerInvariant() switch
    {
        "anonymous" => WampAuthentication.Anonymous,
        "ticket" => WampAuthentication.Ticket(Require(AuthId, "AuthId"), Require(Secret, "Secret")),
        "wampcra" => WampAuthentication.WampCra(Require(AuthId, "AuthId"), Require(Secret, "Secret")),
        "cryptosign" => WampAuthentication.Cryptosign(Require(AuthId, "AuthId"), Require(PrivateKey, "PrivateKey")),
        _ => throw new InvalidOperationException($"LiveStack:Client:AuthMethod '{AuthMethod}' is not one of anonymous, ticket, wampcra, cryptosign."),
    };

    /// <summary>Checks the options; called when the client starts.</summary>
    /// <exception cref="InvalidOperationException">An option is invalid; the message names it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Realm))
        {
            throw new InvalidOperationException("LiveStack:Client:Realm must not be empty.");
        }

        // Checked on its own so the message names this key, not Urls (whose check builds connectors with it).
        if (LiveStack.Wamp.Serialization.WampCodecs.FromSubprotocol($"wamp.2.{Serializer}") is null)
        {
            throw new InvalidOperationException($"LiveStack:Client:Serializer '{Serializer}' is not one of json, msgpack, cbor.");
        }

        foreach (var url in Urls.DefaultIfEmpty(DefaultUrl))
        {
            try
            {
                Transports.WampConnectors.FromUrl(url, Serializer);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"LiveStack:Client:Urls: {e.Message}", e);
            }
        }

        if (HandshakeTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("LiveStack:Client:HandshakeTimeout must be positive.");
        }

        Reconnect.Validate();
        ResolveAuthentication();
    }

    private string Require(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new InvalidOperationException($"LiveStack:Client:{name} is required for AuthMethod '{AuthMethod}'.") : value;
}
