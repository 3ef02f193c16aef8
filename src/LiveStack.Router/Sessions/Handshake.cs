using LiveStack.Wamp.Auth;
using System.Security.Cryptography;
using LiveStack.Router.Auth;
using LiveStack.Router.Routing;
using LiveStack.Wamp.Messages;

namespace LiveStack.Router.Sessions;

/// <summary>
/// Authenticates one joining session: picks the first method the client offers (in its order) that
/// the realm supports, runs its challenge if it has one, and yields the principal to welcome.
/// </summary>
internal sealed class Handshake(RouterSession session, Realm realm, HelloMessage hello)
{
    private const string StaticProvider = "static";

    private string? _method;
    private string? _challenge;
    private string? _craKey;
    private string? _publicKey;
    private WampPrincipal? _principal;

    private string? AuthId => hello.Details.GetString("authid");

    /// <summary>The identity the client claims, for logs.</summary>
    public string? ClaimedAuthId => AuthId;

    /// <summary>The method being tried, for logs.</summary>
    public string? Method => _method;

    private IReadOnlyDictionary<string, object?> AuthExtra => hello.Details.GetDict("authextra") ?? RouterSession.EmptyDetails;

    public async ValueTask<HandshakeStep> StartAsync(CancellationToken cancellationToken)
    {
        if (session.Transport.AuthenticatedUser is { } user)
        {
            // The host's own session needs no role of the realm: authorization does not apply to it.
            return session.Transport.IsTrusted
                ? new HandshakeStep.Welcome(user, AuthMethods.Trusted, "inprocess")
                : Welcome(user, AuthMethods.Http, "aspnetcore");
        }

        foreach (var method in OfferedMethods())
        {
            switch (method)
            {
                case AuthMethods.Anonymous when realm.Security.AnonymousRole is { } role:
                    // Only an open (development) realm takes a client's word for its authid.
                    var authId = realm.IsOpen && AuthId is { } claimed ? claimed : $"anonymous-{session.Id}";
                    return Welcome(new WampPrincipal(authId, role), AuthMethods.Anonymous, StaticProvider);
                case AuthMethods.Ticket when realm.Security.Offers(method) && AuthId is not null:
                    _method = method;
                    return new HandshakeStep.Challenge(method, RouterSession.EmptyDetails);
                case AuthMethods.WampCra when realm.Security.Offers(method) && AuthId is not null:
                    return await StartWampCraAsync(cancellationToken).ConfigureAwait(false);
                case AuthMethods.Cryptosign when realm.Security.Offers(method) && Cryptosign.IsPublicKey(AuthExtra.GetString("pubkey")):
                    return await StartCryptosignAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return new HandshakeStep.Abort(Wamp.WampErrors.NoMatchingAuthMethod, "None of the offered authentication methods is available in this realm.");
    }

    public async ValueTask<HandshakeStep> AuthenticateAsync(AuthenticateMessage message, CancellationToken cancellationToken)
    {
        var principal = _method switch
        {
            AuthMethods.Ticket => await realm.Security.FindPrincipalAsync(Context(AuthMethods.Ticket) with { Ticket = message.Signature }, cancellationToken).ConfigureAwait(false),
            AuthMethods.WampCra when _principal is not null && WampCra.Verify(_craKey!, _challenge!, message.Signature) => _principal,
            AuthMethods.Cryptosign when _principal is not null
                && _principal.PublicKeys.Any(k => string.Equals(k, _publicKey, StringComparison.OrdinalIgnoreCase))
                && Cryptosign.Verify(_publicKey!, _challenge!, message.Signature) => _principal,
            _ => null,
        };

        return principal is null
            ? new HandshakeStep.Abort(AuthenticationFailed, "Authentication failed.")
            : Welcome(principal, _method!, StaticProvider);
    }

    /// <summary>The URI for a wrong answer, whatever the cause, so failures reveal nothing about accounts.</summary>
    public const string AuthenticationFailed = "wamp.error.authentication_failed";

    private async ValueTask<HandshakeStep> StartWampCraAsync(CancellationToken cancellationToken)
    {
        _method = AuthMethods.WampCra;
        _principal = await realm.Security.FindPrincipalAsync(Context(AuthMethods.WampCra), cancellationToken).ConfigureAwait(false);
        // An unknown authid still gets a challenge (with a key nobody knows), so probing cannot
        // tell which accounts exist.
        var principal = _principal ?? new WampPrincipal(AuthId!, "unknown") { Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        _challenge = WampCra.CreateChallenge(principal.AuthId, principal.AuthRole, StaticProvider, session.Id, realm.Now);
        var extra = new Dictionary<string, object?>(StringComparer.Ordinal) { ["challenge"] = _challenge };
        if (principal.Salt is { } salt)
        {
            _craKey = WampCra.DeriveKey(principal.Secret!, salt, principal.Iterations, principal.KeyLength);
            extra["salt"] = salt;
            extra["iterations"] = (long)principal.Iterations;
            extra["keylen"] = (long)principal.KeyLength;
        }
        else
        {
            _craKey = principal.Secret ?? string.Empty;
        }

        return new HandshakeStep.Challenge(AuthMethods.WampCra, extra);
    }

    private async ValueTask<HandshakeStep> StartCryptosignAsync(CancellationToken cancellationToken)
    {
        _method = AuthMethods.Cryptosign;
        _publicKey = AuthExtra.GetString("pubkey");
        _principal = await realm.Security.FindPrincipalAsync(Context(AuthMethods.Cryptosign), cancellationToken).ConfigureAwait(false);
        _challenge = Cryptosign.CreateChallenge();
        return new HandshakeStep.Challenge(AuthMethods.Cryptosign, new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["challenge"] = _challenge,
            ["channel_binding"] = null,
        });
    }

    private HandshakeStep Welcome(WampPrincipal principal, string method, string provider) =>
        realm.Security.HasRole(principal.AuthRole)
            ? new HandshakeStep.Welcome(principal, method, provider)
            : new HandshakeStep.Abort(Wamp.WampErrors.NoSuchRole, $"The role '{principal.AuthRole}' does not exist in realm '{realm.Name}'.");

    private WampAuthenticationContext Context(string method) => new(realm.Name, method, AuthId, AuthExtra, session.Transport);

    private IEnumerable<string> OfferedMethods()
    {
        if (hello.Details.TryGetValue("authmethods", out var value) && value is IReadOnlyList<object?> { Count: > 0 } methods)
        {
            return methods.OfType<string>();
        }

        // No authmethods at all means anonymous (every client library does this).
        return [AuthMethods.Anonymous];
    }
}
