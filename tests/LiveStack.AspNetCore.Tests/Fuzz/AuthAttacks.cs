using LiveStack.Wamp.Auth;
using LiveStack.Router.Auth;
using LiveStack.Wamp.Messages;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>Wrong answers to the secured realm's challenges, HELLOs it cannot authenticate, and realms that do not exist.</summary>
internal static class AuthAttacks
{
    private static readonly Principal[] Everyone = [FuzzRouter.Alice, FuzzRouter.Service, FuzzRouter.Carol, FuzzRouter.Sally, FuzzRouter.Worker];

    /// <summary>A wrong ticket or WAMP-CRA signature, for a known or an unknown authid.</summary>
    public static async Task<Ending> WrongAnswerAsync(AttackContext context)
    {
        var random = context.Random;
        var principal = random.Next(5) == 0
            ? new Principal($"mallory{random.Next(1000)}", random.Next(2) == 0 ? AuthMethods.Ticket : AuthMethods.WampCra, "guess")
            : Everyone[random.Next(Everyone.Length)];
        var challenge = await Joining.ChallengeAsync(context.Wire, principal);
        if (challenge.AuthMethod != principal.Method)
        {
            throw new InvalidOperationException($"{principal.AuthId} asked for {principal.Method} and was challenged with {challenge.AuthMethod}.");
        }

        var right = Joining.Signature(principal, challenge);
        var text = (string)(challenge.Extra.GetValueOrDefault("challenge") ?? string.Empty);
        string[] wrong =
        [
            string.Empty,
            context.Values.Word(),
            right + " ",
            new([.. right.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))]),
            right[..^1],
            new string('x', random.Next(1000, 50_000)),
            Everyone[random.Next(Everyone.Length)].Secret + (principal.Method == AuthMethods.Ticket ? "!" : string.Empty),
            WampCra.Sign("not-the-key", text),
            WampCra.Sign(principal.Secret, text + " "),
            Convert.ToBase64String(context.Values.RandomBytes(32)),
            "not base64 at all ✗",
        ];
        var signature = wrong[random.Next(wrong.Length)];
        if (principal.Salt is not null && random.Next(2) == 0)
        {
            // Salted WAMP-CRA signed with the password instead of the derived key.
            signature = WampCra.Sign(principal.Secret, text);
        }

        return await context.ViolateAsync(new AuthenticateMessage(signature, new Dictionary<string, object?>()), Ending.AuthenticationFailed);
    }

    /// <summary>HELLOs to the secured realm that offer nothing it can check.</summary>
    public static async Task<Ending> NoMatchingMethodAsync(AttackContext context)
    {
        var random = context.Random;
        var details = Joining.Hello(FuzzRouter.SecuredRealm).Details.ToDictionary();
        switch (random.Next(7))
        {
            case 0:
                // Anonymous, which this realm refuses.
                break;
            case 1:
                details["authmethods"] = new List<object?> { "anonymous" };
                break;
            case 2:
                details["authid"] = "alice";
                details["authmethods"] = new List<object?> { "cookie", "scram", "tls", "cryptosign" };
                break;
            case 3:
                // Ticket and WAMP-CRA need an authid.
                details["authmethods"] = new List<object?> { random.Next(2) == 0 ? AuthMethods.Ticket : AuthMethods.WampCra };
                break;
            case 4:
                details["authid"] = "alice";
                details["authmethods"] = "ticket";
                break;
            case 5:
                details["authid"] = "alice";
                details["authmethods"] = new List<object?> { 1L, null, new Dictionary<string, object?>() };
                break;
            default:
                details["authmethods"] = new List<object?> { AuthMethods.Cryptosign };
                details["authextra"] = new Dictionary<string, object?> { ["pubkey"] = context.Values.Word() };
                break;
        }

        return await context.ViolateAsync(new HelloMessage(FuzzRouter.SecuredRealm, details), Ending.NoMatchingAuthMethod);
    }

    /// <summary>A HELLO for a realm that does not exist, or whose name is not a URI.</summary>
    public static async Task<Ending> UnknownRealmAsync(AttackContext context)
    {
        var random = context.Random;
        return random.Next(4) switch
        {
            0 => await context.ViolateAsync(Joining.Hello($"com.example.{context.Values.Word()}"), Ending.NoSuchRealm),
            1 => await context.ViolateAsync(Joining.Hello("wamp.realm"), Ending.NoSuchRealm),
            2 => await context.ViolateAsync(Joining.Hello(string.Empty), Ending.InvalidUri),
            _ => await context.ViolateAsync(Joining.Hello(random.Next(2) == 0 ? "com..example" : "com.ex ample"), Ending.InvalidUri),
        };
    }
}
