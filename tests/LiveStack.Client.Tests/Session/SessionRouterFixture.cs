using System.Security.Cryptography;
using LiveStack.Client.Auth;
using LiveStack.Client.Transports;
using LiveStack.Router;
using LiveStack.Router.Auth;
using LiveStack.Testing;
using NSec.Cryptography;

namespace LiveStack.Client.Tests.Session;

/// <summary>
/// One real router per test class: the open <c>realm1</c> and a secured realm with one principal per
/// authentication method. Secrets and the Ed25519 key are made fresh for every run.
/// </summary>
public sealed class SessionRouterFixture : IAsyncLifetime
{
    /// <summary>The secured realm (no anonymous role).</summary>
    public const string SecureRealm = "com.livestack.client.secure";

    /// <summary>The URI prefix the secured realm's role may use.</summary>
    public const string SecurePrefix = "com.livestack.client.";

    // Not the client's defaults (1000, 32): a client that ignored the CHALLENGE's values would fail.
    private const int SaltIterations = 500;
    private const int SaltKeyLength = 16;

    private RouterHost? _host;

    public SessionRouterFixture()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        CryptosignSeed = Convert.ToHexStringLower(key.Export(KeyBlobFormat.RawPrivateKey));
        CryptosignPublicKey = Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public RouterHost Host => _host ?? throw new InvalidOperationException("The router has not started.");

    public string WebSocketUrl => Host.WebSocketUrl.ToString();

    public string RawSocketUrl => $"rs://127.0.0.1:{Host.RawSocketPort}";

    public string Ticket { get; } = Secret();

    public string CraSecret { get; } = Secret();

    public string SaltedPassword { get; } = Secret();

    public string CryptosignSeed { get; }

    public string CryptosignPublicKey { get; }

    public async Task InitializeAsync() => _host = await RouterHost.StartAsync(o =>
    {
        o.Realms.Add(RealmOptions.Open("realm1"));
        o.Realms.Add(CreateSecureRealm());
        // The wrong-secret tests fail logins on purpose, all from 127.0.0.1.
        o.AuthFailuresPerMinute = 1000;
    });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Joins realm1 (or what <paramref name="options"/> says) over WebSocket.</summary>
    public Task<WampSession> ConnectAsync(WampSessionOptions? options = null, string serializer = "json") =>
        WampSession.ConnectAsync(WampConnectors.FromUrl(WebSocketUrl, serializer), options).WaitAsync(Wait.Timeout);

    /// <summary>Joins the secured realm with <paramref name="authentication"/>.</summary>
    public Task<WampSession> ConnectSecureAsync(WampAuthentication authentication) =>
        ConnectAsync(new WampSessionOptions { Realm = SecureRealm, Authentication = authentication });

    private RealmOptions CreateSecureRealm()
    {
        var realm = new RealmOptions { Name = SecureRealm };
        var user = new WampRole { Name = "user" };
        user.Permissions.Add(new WampPermissionRule { Uri = SecurePrefix, Match = "prefix", Call = true, Register = true, Publish = true, Subscribe = true });
        var admin = new WampRole { Name = "admin" };
        admin.Permissions.Add(new WampPermissionRule { Uri = SecurePrefix, Match = "prefix", Call = true, Register = true, Publish = true, Subscribe = true });
        realm.Roles.Add(user);
        realm.Roles.Add(admin);
        realm.Auth.Ticket["ticket-user"] = new TicketPrincipal { Ticket = Ticket, Role = "user" };
        realm.Auth.WampCra["cra-admin"] = new WampCraPrincipal { Secret = CraSecret, Role = "admin" };
        realm.Auth.WampCra["salted-user"] = new WampCraPrincipal
        {
            Secret = SaltedPassword,
            Salt = Secret(),
            Iterations = SaltIterations,
            KeyLength = SaltKeyLength,
            Role = "user",
        };
        var cryptosign = new CryptosignPrincipal { Role = "admin" };
        cryptosign.PublicKeys.Add(CryptosignPublicKey);
        realm.Auth.Cryptosign["cryptosign-admin"] = cryptosign;
        return realm;
    }

    private static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
}
