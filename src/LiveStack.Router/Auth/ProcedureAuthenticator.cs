using LiveStack.Router.Routing;

namespace LiveStack.Router.Auth;

/// <summary>Asks a WAMP procedure who a joining session is (see <see cref="RealmAuthOptions.Authenticator"/>).</summary>
internal sealed class ProcedureAuthenticator(Realm realm, string procedure) : IWampAuthenticator
{
    public async ValueTask<WampPrincipal?> AuthenticateAsync(WampAuthenticationContext context, CancellationToken cancellationToken)
    {
        var details = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["authmethod"] = context.AuthMethod,
            ["authextra"] = context.AuthExtra,
            ["transport"] = context.Transport.ToDict(),
        };
        if (context.Ticket is not null)
        {
            details["ticket"] = context.Ticket;
        }

        Wamp.Messages.ResultMessage result;
        try
        {
            result = await realm.Caller.CallAsync(procedure, [context.Realm, context.AuthId, details], cancellationToken).ConfigureAwait(false);
        }
        catch (RouterCallException)
        {
            // The authenticator said no (or is not registered): the client sees a plain authentication failure.
            return null;
        }

        return Principal(context, result.Arguments.ArgAt(0));
    }

    private static WampPrincipal? Principal(WampAuthenticationContext context, object? answer)
    {
        if (answer is string role)
        {
            return context.AuthId is null ? null : new WampPrincipal(context.AuthId, role);
        }

        if (answer is not IReadOnlyDictionary<string, object?> dict || dict.GetString("role") is not { } dictRole
            || (dict.GetString("authid") ?? context.AuthId) is not { } authId)
        {
            return null;
        }

        var keys = dict.TryGetValue("pubkey", out var pubkey) switch
        {
            true when pubkey is string one => [one],
            true when pubkey is IReadOnlyList<object?> many => many.OfType<string>().ToArray(),
            _ => Array.Empty<string>(),
        };
        return new WampPrincipal(authId, dictRole)
        {
            Secret = dict.GetString("secret"),
            Salt = dict.GetString("salt"),
            Iterations = (int)(dict.GetLong("iterations") ?? 1000),
            KeyLength = (int)(dict.GetLong("keylen") ?? 32),
            PublicKeys = keys,
            AuthExtra = dict.GetDict("extra"),
        };
    }
}
