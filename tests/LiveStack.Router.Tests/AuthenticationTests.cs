using LiveStack.Wamp.Auth;
using LiveStack.Router.Auth;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;
using NSec.Cryptography;

namespace LiveStack.Router.Tests;

public class AuthenticationTests
{
    private static WampRouter Router(Action<RealmOptions>? configure = null, IEnumerable<IWampAuthenticator>? authenticators = null) =>
        new(new RouterOptions { Realms = { SecuredRealm.Create(configure) } }, authenticators: authenticators);

    private static LinkedPeer Hello(WampRouter router, string authId, params string[] methods)
    {
        var peer = LinkedPeer.Connect(router);
        peer.Send(new HelloMessage(SecuredRealm.Name, SecuredRealm.Hello(authId, methods)));
        return peer;
    }

    private static WelcomeMessage Authenticate(LinkedPeer peer, string signature)
    {
        peer.Send(new AuthenticateMessage(signature, new Dictionary<string, object?>()));
        return peer.Receive<WelcomeMessage>();
    }

    [Fact]
    public void AnonymousIsRefusedWhereTheRealmDoesNotAllowIt()
    {
        using var router = Router();
        var peer = LinkedPeer.Connect(router);
        peer.Send(new HelloMessage(SecuredRealm.Name, LinkedPeer.Hello()));

        SessionLifecycleTests.AssertAborted(peer, WampErrors.NoMatchingAuthMethod);
    }

    [Fact]
    public void AnonymousGetsTheConfiguredRoleAndAGeneratedAuthId()
    {
        using var router = Router(r => r.Auth.AnonymousRole = "user");
        var peer = LinkedPeer.Connect(router);
        peer.Send(new HelloMessage(SecuredRealm.Name, LinkedPeer.Hello("admin")));

        var welcome = peer.Receive<WelcomeMessage>();
        Assert.Equal("user", welcome.Details["authrole"]);
        Assert.NotEqual("admin", welcome.Details["authid"]);
    }

    [Fact]
    public void TicketWelcomesTheRightTicketAndRefusesAWrongOne()
    {
        using var router = Router();
        var good = Hello(router, "alice", "ticket");
        Assert.Equal("ticket", good.Receive<ChallengeMessage>().AuthMethod);
        var welcome = Authenticate(good, "alice-ticket");
        Assert.Equal("alice", welcome.Details["authid"]);
        Assert.Equal("user", welcome.Details["authrole"]);
        Assert.Equal("ticket", welcome.Details["authmethod"]);

        var bad = Hello(router, "alice", "ticket");
        bad.Receive<ChallengeMessage>();
        bad.Send(new AuthenticateMessage("wrong", new Dictionary<string, object?>()));
        SessionLifecycleTests.AssertAborted(bad, "wamp.error.authentication_failed");

        var unknown = Hello(router, "mallory", "ticket");
        unknown.Receive<ChallengeMessage>();
        unknown.Send(new AuthenticateMessage("alice-ticket", new Dictionary<string, object?>()));
        SessionLifecycleTests.AssertAborted(unknown, "wamp.error.authentication_failed");
    }

    [Fact]
    public void TheFirstOfferedMethodTheRealmSupportsIsUsed()
    {
        using var router = Router();
        var peer = Hello(router, "carol", "cookie", "wampcra", "ticket");

        Assert.Equal("wampcra", peer.Receive<ChallengeMessage>().AuthMethod);
    }

    [Fact]
    public void WampCraSignatureOfTheChallengeWelcomes()
    {
        using var router = Router();
        var peer = Hello(router, "carol", "wampcra");
        var challenge = (string)peer.Receive<ChallengeMessage>().Extra["challenge"]!;
        Assert.Contains("\"authid\":\"carol\"", challenge, StringComparison.Ordinal);

        var welcome = Authenticate(peer, WampCra.Sign(SecuredRealm.CraSecret, challenge));
        Assert.Equal("wampcra", welcome.Details["authmethod"]);
        Assert.Equal(peer.Id, welcome.Session);
    }

    [Fact]
    public void SaltedWampCraSendsTheKdfParametersAndChecksTheDerivedKey()
    {
        using var router = Router();
        var peer = Hello(router, "sally", "wampcra");
        var extra = peer.Receive<ChallengeMessage>().Extra;
        Assert.Equal("pepper", extra["salt"]);
        Assert.Equal(100L, extra["iterations"]);
        Assert.Equal(32L, extra["keylen"]);

        var key = WampCra.DeriveKey(SecuredRealm.SaltedPassword, "pepper", 100, 32);
        Authenticate(peer, WampCra.Sign(key, (string)extra["challenge"]!));

        var plain = Hello(router, "sally", "wampcra");
        var challenge = (string)plain.Receive<ChallengeMessage>().Extra["challenge"]!;
        plain.Send(new AuthenticateMessage(WampCra.Sign(SecuredRealm.SaltedPassword, challenge), new Dictionary<string, object?>()));
        SessionLifecycleTests.AssertAborted(plain, "wamp.error.authentication_failed");
    }

    [Fact]
    public void WampCraForAnUnknownAuthIdLooksLikeAnyOtherFailure()
    {
        using var router = Router();
        var peer = Hello(router, "nobody", "wampcra");
        var challenge = (string)peer.Receive<ChallengeMessage>().Extra["challenge"]!;
        peer.Send(new AuthenticateMessage(WampCra.Sign("guess", challenge), new Dictionary<string, object?>()));

        SessionLifecycleTests.AssertAborted(peer, "wamp.error.authentication_failed");
    }

    [Fact]
    public void CryptosignVerifiesTheEd25519Signature()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var publicKey = Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        using var router = Router(r =>
        {
            var principal = new CryptosignPrincipal { Role = "service" };
            principal.PublicKeys.Add(publicKey);
            r.Auth.Cryptosign["device-1"] = principal;
        });

        LinkedPeer Start(string pubkey)
        {
            var details = SecuredRealm.Hello("device-1", "cryptosign");
            details["authextra"] = new Dictionary<string, object?> { ["pubkey"] = pubkey };
            var peer = LinkedPeer.Connect(router);
            peer.Send(new HelloMessage(SecuredRealm.Name, details));
            return peer;
        }

        var good = Start(publicKey);
        var challenge = Convert.FromHexString((string)good.Receive<ChallengeMessage>().Extra["challenge"]!);
        var signature = SignatureAlgorithm.Ed25519.Sign(key, challenge);
        var welcome = Authenticate(good, Convert.ToHexStringLower([.. signature, .. challenge]));
        Assert.Equal("device-1", welcome.Details["authid"]);
        Assert.Equal("service", welcome.Details["authrole"]);

        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        var forged = Start(publicKey);
        var forgedChallenge = Convert.FromHexString((string)forged.Receive<ChallengeMessage>().Extra["challenge"]!);
        forged.Send(new AuthenticateMessage(Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(other, forgedChallenge)), new Dictionary<string, object?>()));
        SessionLifecycleTests.AssertAborted(forged, "wamp.error.authentication_failed");
    }

    [Fact]
    public void ADependencyInjectedAuthenticatorVerifiesTickets()
    {
        using var router = Router(r => r.Auth.Methods.Add("ticket"), [new TokenAuthenticator()]);
        var peer = Hello(router, "bob", "ticket");
        peer.Receive<ChallengeMessage>();

        var welcome = Authenticate(peer, "token-for-bob");
        Assert.Equal("bob", welcome.Details["authid"]);
        Assert.Equal("service", welcome.Details["authrole"]);
    }

    [Fact]
    public void APrincipalWithAnUnknownRoleIsRefused()
    {
        using var router = Router(r => r.Auth.Methods.Add("ticket"), [new TokenAuthenticator("ghost")]);
        var peer = Hello(router, "bob", "ticket");
        peer.Receive<ChallengeMessage>();
        peer.Send(new AuthenticateMessage("token-for-bob", new Dictionary<string, object?>()));

        SessionLifecycleTests.AssertAborted(peer, WampErrors.NoSuchRole);
    }

    [Fact]
    public void OnlyAuthenticateIsLegalAfterAChallenge()
    {
        using var router = Router();
        var peer = Hello(router, "alice", "ticket");
        peer.Receive<ChallengeMessage>();
        peer.Send(new SubscribeMessage(1, new Dictionary<string, object?>(), "com.example.t"));

        SessionLifecycleTests.AssertAborted(peer, WampErrors.ProtocolViolation);
    }

    [Fact]
    public void AuthenticateWithoutAChallengeIsAViolation()
    {
        using var router = Router();
        var peer = LinkedPeer.Connect(router);
        peer.Send(new AuthenticateMessage("x", new Dictionary<string, object?>()));

        SessionLifecycleTests.AssertAborted(peer, WampErrors.ProtocolViolation);
    }

    [Fact]
    public void TransportIdentityJoinsWithoutASecondLogin()
    {
        using var router = Router();
        var peer = LinkedPeerFor(router, new WampPrincipal("dana@example.com", "user"));
        peer.Send(new HelloMessage(SecuredRealm.Name, LinkedPeer.Hello()));

        var welcome = peer.Receive<WelcomeMessage>();
        Assert.Equal("dana@example.com", welcome.Details["authid"]);
        Assert.Equal("http", welcome.Details["authmethod"]);
    }

    private static LinkedPeer LinkedPeerFor(WampRouter router, WampPrincipal user) =>
        LinkedPeer.Connect(router, new TransportDetails("websocket", "json", "tcp:127.0.0.1:1") { AuthenticatedUser = user });

    private sealed class TokenAuthenticator(string role = "service") : IWampAuthenticator
    {
        public ValueTask<WampPrincipal?> AuthenticateAsync(WampAuthenticationContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(context.Ticket == $"token-for-{context.AuthId}" ? new WampPrincipal(context.AuthId!, role) : null);
    }
}
