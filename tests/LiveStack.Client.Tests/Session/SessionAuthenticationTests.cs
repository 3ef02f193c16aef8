using LiveStack.Client.Auth;
using LiveStack.Wamp;
using NSec.Cryptography;

namespace LiveStack.Client.Tests.Session;

public class SessionAuthenticationTests(SessionRouterFixture router) : IClassFixture<SessionRouterFixture>
{
    private const string AuthenticationFailed = "wamp.error.authentication_failed";

    [Fact]
    public async Task AnonymousJoinsTheOpenRealm()
    {
        await using var session = await router.ConnectAsync(new WampSessionOptions { Authentication = WampAuthentication.Anonymous });

        Assert.Equal("anonymous", session.AuthRole);
        Assert.Equal("anonymous", session.WelcomeDetails["authmethod"]);
    }

    [Fact]
    public async Task TicketAuthenticates()
    {
        await using var session = await router.ConnectSecureAsync(WampAuthentication.Ticket("ticket-user", router.Ticket));

        await AssertJoinedAsync(session, "ticket-user", "user", "ticket");
    }

    [Fact]
    public async Task WampCraAuthenticates()
    {
        await using var session = await router.ConnectSecureAsync(WampAuthentication.WampCra("cra-admin", router.CraSecret));

        await AssertJoinedAsync(session, "cra-admin", "admin", "wampcra");
    }

    [Fact]
    public async Task WampCraWithASaltedSecretUsesTheChallengesParameters()
    {
        await using var session = await router.ConnectSecureAsync(WampAuthentication.WampCra("salted-user", router.SaltedPassword));

        await AssertJoinedAsync(session, "salted-user", "user", "wampcra");
    }

    [Fact]
    public async Task CryptosignAuthenticates()
    {
        await using var session = await router.ConnectSecureAsync(WampAuthentication.Cryptosign("cryptosign-admin", router.CryptosignSeed));

        await AssertJoinedAsync(session, "cryptosign-admin", "admin", "cryptosign");
    }

    [Fact]
    public async Task WrongTicketFailsWithTheRoutersAbortReason()
    {
        var error = await Assert.ThrowsAsync<WampException>(() => router.ConnectSecureAsync(WampAuthentication.Ticket("ticket-user", "not-the-ticket")));

        Assert.Equal(AuthenticationFailed, error.Uri);
    }

    [Fact]
    public async Task WrongWampCraSecretFailsWithTheRoutersAbortReason()
    {
        var error = await Assert.ThrowsAsync<WampException>(() => router.ConnectSecureAsync(WampAuthentication.WampCra("cra-admin", "not-the-secret")));

        Assert.Equal(AuthenticationFailed, error.Uri);
    }

    [Fact]
    public async Task WrongSaltedPasswordFailsWithTheRoutersAbortReason()
    {
        var error = await Assert.ThrowsAsync<WampException>(() => router.ConnectSecureAsync(WampAuthentication.WampCra("salted-user", "not-the-password")));

        Assert.Equal(AuthenticationFailed, error.Uri);
    }

    [Fact]
    public async Task UnknownCryptosignKeyFailsWithTheRoutersAbortReason()
    {
        using var other = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var seed = Convert.ToHexStringLower(other.Export(KeyBlobFormat.RawPrivateKey));

        var error = await Assert.ThrowsAsync<WampException>(() => router.ConnectSecureAsync(WampAuthentication.Cryptosign("cryptosign-admin", seed)));

        Assert.Equal(AuthenticationFailed, error.Uri);
    }

    [Fact]
    public async Task AnonymousIsRefusedByARealmWithoutAnonymousRole()
    {
        var error = await Assert.ThrowsAsync<WampException>(() => router.ConnectSecureAsync(WampAuthentication.Anonymous));

        Assert.Equal(WampErrors.NoMatchingAuthMethod, error.Uri);
    }

    [Fact]
    public async Task UnknownRealmFailsWithNoSuchRealm()
    {
        var error = await Assert.ThrowsAsync<WampException>(() => router.ConnectAsync(new WampSessionOptions { Realm = "com.livestack.client.nowhere" }));

        Assert.Equal(WampErrors.NoSuchRealm, error.Uri);
    }

    [Fact]
    public async Task AuthenticatedSessionsWorkAfterJoining()
    {
        await using var callee = await router.ConnectSecureAsync(WampAuthentication.Cryptosign("cryptosign-admin", router.CryptosignSeed));
        await using var caller = await router.ConnectSecureAsync(WampAuthentication.WampCra("salted-user", router.SaltedPassword));
        var procedure = Wait.Uri("whoami");
        await using var registration = await callee.RegisterAsync(procedure, (invocation, _) =>
            ValueTask.FromResult(Wait.Result(invocation.CallerAuthId)), new RegisterOptions { DiscloseCaller = true }).WaitAsync(Wait.Timeout);

        Assert.Equal("salted-user", await caller.CallAsync<string>(procedure).WaitAsync(Wait.Timeout));
    }

    private static async Task AssertJoinedAsync(WampSession session, string authId, string authRole, string authMethod)
    {
        Assert.Equal(authId, session.AuthId);
        Assert.Equal(authRole, session.AuthRole);
        Assert.Equal(authMethod, session.WelcomeDetails["authmethod"]);
        Assert.Equal(SessionRouterFixture.SecureRealm, session.Realm);

        // The session works: a refused action comes back as the router's error, not as a broken session.
        var error = await Assert.ThrowsAsync<WampException>(() => session.CallAsync("org.elsewhere.procedure").WaitAsync(Wait.Timeout));
        Assert.Equal(WampErrors.NotAuthorized, error.Uri);
        Assert.True(session.IsOpen);
    }
}
