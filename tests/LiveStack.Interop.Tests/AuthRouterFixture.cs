using System.Security.Cryptography;
using System.Text.Json;
using LiveStack.Router;
using LiveStack.Router.Auth;
using LiveStack.Testing;
using NSec.Cryptography;

namespace LiveStack.Interop.Tests;

/// <summary>
/// A router whose realm is secured: two roles, no anonymous role, and one static principal per
/// authentication method. The secrets and the Ed25519 key are made fresh for every run and reach the
/// scripts as <c>--auth</c> JSON, so no secret is committed and no script can rely on a fixed one.
/// </summary>
public sealed class AuthRouterFixture : IAsyncLifetime
{
    /// <summary>The secured realm's name.</summary>
    public const string Realm = "com.livestack.interop.secure";

    // Not the clients' defaults (1000, 32): a client that ignored the CHALLENGE's values would fail.
    private const int SaltIterations = 500;
    private const int SaltKeyLength = 16;

    private readonly Credentials _credentials = Credentials.Create();
    private RouterHost? _host;

    private RouterHost Host => _host ?? throw new InvalidOperationException("The router has not started.");

    public async Task InitializeAsync() => _host = await RouterHost.StartAsync(o =>
    {
        o.Realms.Add(_credentials.Realm());
        // Every script fails a few logins on purpose, all from 127.0.0.1; the default (10 a minute)
        // would lock the address out halfway through the class.
        o.AuthFailuresPerMinute = 1000;
    });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Arguments for a scenario over WebSocket with the given serializer, in the secured realm, with the credentials.</summary>
    public string[] WebSocket(string serializer) =>
        ["--url", Host.WebSocketUrl.ToString(), "--serializer", serializer, "--realm", Realm, "--auth", _credentials.Json];

    /// <summary>
    /// The principals: what the router is configured with and, as JSON for the scripts, what each
    /// client needs plus the identity WELCOME must carry.
    /// </summary>
    private sealed record Credentials(string Ticket, string CraSecret, string SaltedPassword, string Salt, byte[] Seed, string PublicKey)
    {
        public static Credentials Create()
        {
            var seed = RandomNumberGenerator.GetBytes(32);
            using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
            return new Credentials(Secret(), Secret(), Secret(), Secret(), seed, Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        }

        public string Json => JsonSerializer.Serialize(new
        {
            ticket = new { authid = "ticket-user", authrole = "user", ticket = Ticket },
            wampcra = new { authid = "cra-admin", authrole = "admin", secret = CraSecret },
            salted = new { authid = "salted-user", authrole = "user", secret = SaltedPassword, salt = Salt, iterations = SaltIterations, keylen = SaltKeyLength },
            cryptosign = new { authid = "cryptosign-admin", authrole = "admin", seed = Convert.ToHexStringLower(Seed), pubkey = PublicKey },
        });

        /// <summary>
        /// The user role may do everything in the interop namespace except under <c>readonly.</c>
        /// (call and subscribe only) and <c>restricted.</c> (nothing); the admin role may do everything there.
        /// </summary>
        public RealmOptions Realm()
        {
            var realm = new RealmOptions { Name = AuthRouterFixture.Realm };
            var user = new WampRole { Name = "user" };
            user.Permissions.Add(Allow("com.livestack.interop."));
            user.Permissions.Add(new WampPermissionRule { Uri = "com.livestack.interop.readonly.", Match = "prefix", Call = true, Subscribe = true });
            user.Permissions.Add(new WampPermissionRule { Uri = "com.livestack.interop.restricted.", Match = "prefix" });
            var admin = new WampRole { Name = "admin" };
            admin.Permissions.Add(Allow("com.livestack.interop."));
            realm.Roles.Add(user);
            realm.Roles.Add(admin);

            realm.Auth.Ticket["ticket-user"] = new TicketPrincipal { Ticket = Ticket, Role = "user" };
            realm.Auth.WampCra["cra-admin"] = new WampCraPrincipal { Secret = CraSecret, Role = "admin" };
            realm.Auth.WampCra["salted-user"] = new WampCraPrincipal
            {
                Secret = SaltedPassword,
                Salt = Salt,
                Iterations = SaltIterations,
                KeyLength = SaltKeyLength,
                Role = "user",
            };
            var cryptosign = new CryptosignPrincipal { Role = "admin" };
            cryptosign.PublicKeys.Add(PublicKey);
            realm.Auth.Cryptosign["cryptosign-admin"] = cryptosign;
            return realm;
        }

        private static WampPermissionRule Allow(string prefix) =>
            new() { Uri = prefix, Match = "prefix", Call = true, Register = true, Publish = true, Subscribe = true };

        private static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
    }
}
