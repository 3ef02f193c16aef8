using LiveStack.Router;
using LiveStack.Router.Auth;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>
/// The router the fuzz runs against: the open <c>realm1</c> and a secured realm with ticket and
/// WAMP-CRA principals. Attackers use <c>com.fuzz.</c> URIs; the well-behaved sessions use
/// <c>com.good.</c>, which the attackers' role may not publish to or register.
/// </summary>
internal static class FuzzRouter
{
    public const string OpenRealm = "realm1";
    public const string SecuredRealm = "com.example.fuzz";
    public const int MaxMessageSize = 64 * 1024;

    /// <summary>Small, so a client that stops reading fills it quickly; the good sessions never have more than a few messages in flight.</summary>
    public const int OutboundQueueCapacity = 32;

    /// <summary>Sally's salted WAMP-CRA key derivation (PBKDF2): iterations and key length.</summary>
    public const int SaltIterations = 100;
    public const int SaltKeyLength = 32;

    public static readonly Principal Alice = new("alice", "ticket", "alice-ticket");
    public static readonly Principal Service = new("svc", "ticket", "svc-ticket");
    public static readonly Principal Carol = new("carol", "wampcra", "carol-secret");
    public static readonly Principal Sally = new("sally", "wampcra", "sally-password", Salt: "pepper");
    public static readonly Principal Worker = new("worker", "wampcra", "worker-secret");

    public static void Configure(LiveStackOptions options)
    {
        options.MaxMessageSize = MaxMessageSize;
        options.OutboundQueueCapacity = OutboundQueueCapacity;
        // The fuzz answers authentication wrongly hundreds of times from 127.0.0.1; the per-address
        // lockout (tested on its own) would turn all but the first few into authentication_denied.
        options.AuthFailuresPerMinute = 1_000_000;
        options.Realms.Add(new RealmOptions { Name = OpenRealm });
        options.Realms.Add(Secured());
    }

    /// <summary>The secured realm: role <c>member</c> (the attackers) and role <c>service</c> (the well-behaved sessions).</summary>
    public static RealmOptions Secured()
    {
        var realm = new RealmOptions { Name = SecuredRealm };
        var member = new WampRole { Name = "member" };
        member.Permissions.Add(new WampPermissionRule { Uri = "com.fuzz.", Match = "prefix", Call = true, Register = true, Publish = true, Subscribe = true });
        member.Permissions.Add(new WampPermissionRule { Uri = "com.good.", Match = "prefix", Subscribe = true, Call = true });
        var service = new WampRole { Name = "service" };
        service.Permissions.Add(new WampPermissionRule { Uri = "com.good.", Match = "prefix", Call = true, Register = true, Publish = true, Subscribe = true });
        service.Permissions.Add(new WampPermissionRule { Uri = "wamp.", Match = "prefix", Call = true });
        realm.Roles.Add(member);
        realm.Roles.Add(service);
        realm.Auth.Ticket[Alice.AuthId] = new TicketPrincipal { Ticket = Alice.Secret, Role = "member" };
        realm.Auth.Ticket[Service.AuthId] = new TicketPrincipal { Ticket = Service.Secret, Role = "service" };
        realm.Auth.WampCra[Carol.AuthId] = new WampCraPrincipal { Secret = Carol.Secret, Role = "member" };
        realm.Auth.WampCra[Sally.AuthId] = new WampCraPrincipal { Secret = Sally.Secret, Salt = Sally.Salt, Iterations = SaltIterations, KeyLength = SaltKeyLength, Role = "member" };
        realm.Auth.WampCra[Worker.AuthId] = new WampCraPrincipal { Secret = Worker.Secret, Role = "service" };
        return realm;
    }
}

/// <summary>A configured principal of the secured realm and how it signs in.</summary>
internal sealed record Principal(string AuthId, string Method, string Secret, string? Salt = null);
