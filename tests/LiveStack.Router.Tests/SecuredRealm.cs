using LiveStack.Router.Auth;

namespace LiveStack.Router.Tests;

/// <summary>A realm with roles and one principal per authentication method, for the security tests.</summary>
internal static class SecuredRealm
{
    public const string Name = "com.example.secure";
    public const string CraSecret = "cra-secret";
    public const string SaltedPassword = "salted-password";

    public static RealmOptions Create(Action<RealmOptions>? configure = null)
    {
        var realm = new RealmOptions { Name = Name };
        var user = new WampRole { Name = "user" };
        user.Permissions.Add(new WampPermissionRule { Uri = "com.example.", Match = "prefix", Call = true, Subscribe = true, Publish = true });
        user.Permissions.Add(new WampPermissionRule { Uri = "com.example.admin.", Match = "prefix" });
        user.Permissions.Add(new WampPermissionRule { Uri = "com.example.admin.status", Call = true });
        user.Permissions.Add(new WampPermissionRule { Uri = "net..public", Match = "wildcard", Subscribe = true });
        var service = new WampRole { Name = "service" };
        service.Permissions.Add(new WampPermissionRule { Uri = "com.example.", Match = "prefix", Register = true, Call = true, Publish = true, Subscribe = true });
        service.Permissions.Add(new WampPermissionRule { Uri = "wamp.session.", Match = "prefix", Call = true });
        service.Permissions.Add(new WampPermissionRule { Uri = "com.example.audited.", Match = "prefix", Call = true, Register = true, DiscloseCaller = true });
        realm.Roles.Add(user);
        realm.Roles.Add(service);
        realm.Auth.Ticket["alice"] = new TicketPrincipal { Ticket = "alice-ticket", Role = "user" };
        realm.Auth.Ticket["svc"] = new TicketPrincipal { Ticket = "svc-ticket", Role = "service" };
        realm.Auth.WampCra["carol"] = new WampCraPrincipal { Secret = CraSecret, Role = "user" };
        realm.Auth.WampCra["sally"] = new WampCraPrincipal { Secret = SaltedPassword, Salt = "pepper", Iterations = 100, KeyLength = 32, Role = "user" };
        configure?.Invoke(realm);
        return realm;
    }

    public static Dictionary<string, object?> Hello(string authId, params string[] methods)
    {
        var details = LinkedPeer.Hello(authId);
        details["authmethods"] = methods.Cast<object?>().ToList();
        return details;
    }
}
