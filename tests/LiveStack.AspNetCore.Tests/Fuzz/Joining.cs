using LiveStack.Wamp.Auth;
using LiveStack.Router.Auth;
using LiveStack.Testing;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>How the fuzz's sessions join: anonymously into the open realm, or as a principal of the secured realm.</summary>
internal static class Joining
{
    public static HelloMessage Hello(string realm, string? authId = null, params string[] methods)
    {
        var details = TestPeer.HelloDetails();
        if (authId is not null)
        {
            details["authid"] = authId;
        }

        if (methods.Length > 0)
        {
            details["authmethods"] = methods.Cast<object?>().ToList();
        }

        return new HelloMessage(realm, details);
    }

    /// <summary>Connects and joins the open realm (no principal) or the secured realm as <paramref name="principal"/>.</summary>
    public static async Task<FuzzWire> ConnectAndJoinAsync(RouterHost host, WireKind kind, IWampCodec codec, Principal? principal)
    {
        var wire = await FuzzWire.ConnectAsync(host, kind, codec);
        await (principal is null ? JoinOpenAsync(wire) : JoinAsync(wire, principal));
        return wire;
    }

    public static async Task<WelcomeMessage> JoinOpenAsync(FuzzWire wire)
    {
        await wire.SendAsync(Hello(FuzzRouter.OpenRealm));
        return await wire.ReceiveAsync<WelcomeMessage>();
    }

    /// <summary>Sends HELLO as <paramref name="principal"/> and returns the router's CHALLENGE.</summary>
    public static async Task<ChallengeMessage> ChallengeAsync(FuzzWire wire, Principal principal)
    {
        await wire.SendAsync(Hello(FuzzRouter.SecuredRealm, principal.AuthId, principal.Method));
        return await wire.ReceiveAsync<ChallengeMessage>();
    }

    public static async Task<WelcomeMessage> JoinAsync(FuzzWire wire, Principal principal)
    {
        var challenge = await ChallengeAsync(wire, principal);
        await wire.SendAsync(new AuthenticateMessage(Signature(principal, challenge), new Dictionary<string, object?>()));
        return await wire.ReceiveAsync<WelcomeMessage>();
    }

    /// <summary>The right answer to <paramref name="challenge"/>: the ticket, or the WAMP-CRA signature with the (derived) key.</summary>
    public static string Signature(Principal principal, ChallengeMessage challenge)
    {
        if (principal.Method == AuthMethods.Ticket)
        {
            return principal.Secret;
        }

        var key = principal.Salt is { } salt ? WampCra.DeriveKey(principal.Secret, salt, FuzzRouter.SaltIterations, FuzzRouter.SaltKeyLength) : principal.Secret;
        return WampCra.Sign(key, (string)challenge.Extra["challenge"]!);
    }
}
