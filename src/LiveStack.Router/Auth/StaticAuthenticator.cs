using System.Security.Cryptography;
using System.Text;

namespace LiveStack.Router.Auth;

/// <summary>The principals written in a realm's configuration.</summary>
internal sealed class StaticAuthenticator(RealmAuthOptions options) : IWampAuthenticator
{
    public ValueTask<WampPrincipal?> AuthenticateAsync(WampAuthenticationContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.AuthMethod switch
        {
            AuthMethods.Ticket => Ticket(context),
            AuthMethods.WampCra => WampCra(context),
            AuthMethods.Cryptosign => Cryptosign(context),
            _ => null,
        });

    private WampPrincipal? Ticket(WampAuthenticationContext context)
    {
        if (context.AuthId is null || !options.Ticket.TryGetValue(context.AuthId, out var principal) || context.Ticket is null)
        {
            return null;
        }

        var matches = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(principal.Ticket)),
            SHA256.HashData(Encoding.UTF8.GetBytes(context.Ticket)));
        return matches ? new WampPrincipal(context.AuthId, principal.Role) : null;
    }

    private WampPrincipal? WampCra(WampAuthenticationContext context) =>
        context.AuthId is not null && options.WampCra.TryGetValue(context.AuthId, out var principal)
            ? new WampPrincipal(context.AuthId, principal.Role)
            {
                Secret = principal.Secret,
                Salt = principal.Salt,
                Iterations = principal.Iterations,
                KeyLength = principal.KeyLength,
            }
            : null;

    private WampPrincipal? Cryptosign(WampAuthenticationContext context)
    {
        var publicKey = context.AuthExtra.GetString("pubkey");
        if (publicKey is null)
        {
            return null;
        }

        foreach (var (authId, principal) in options.Cryptosign)
        {
            // The authid is optional in cryptosign: the key alone may identify the principal.
            if ((context.AuthId is null || context.AuthId == authId)
                && principal.PublicKeys.Any(k => string.Equals(k, publicKey, StringComparison.OrdinalIgnoreCase)))
            {
                return new WampPrincipal(authId, principal.Role) { PublicKeys = [.. principal.PublicKeys] };
            }
        }

        return null;
    }
}
