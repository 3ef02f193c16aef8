namespace LiveStack.Router.Auth;

/// <summary>
/// Finds the principal behind a joining session. Register implementations in DI for identities
/// that live in a database or another service; they are asked after the static principals of the
/// realm's configuration, in registration order, until one answers.
/// </summary>
/// <remarks>
/// What "answer" means depends on <see cref="WampAuthenticationContext.AuthMethod"/>:
/// <list type="bullet">
/// <item><c>ticket</c>: verify <see cref="WampAuthenticationContext.Ticket"/> (a password, a token…)
/// and return the principal only when it is valid.</item>
/// <item><c>wampcra</c>: return the principal with its <see cref="WampPrincipal.Secret"/> (and salt);
/// the router runs the challenge and checks the answer.</item>
/// <item><c>cryptosign</c>: return the principal whose <see cref="WampPrincipal.PublicKeys"/> include the
/// client's <c>pubkey</c>; the router checks the signature.</item>
/// </list>
/// Return null when you do not know the principal. Implementations must be thread-safe; a throw
/// aborts the join with <c>wamp.error.authentication_failed</c> and is logged.
/// </remarks>
public interface IWampAuthenticator
{
    /// <summary>Looks up (and for tickets, verifies) a principal.</summary>
    ValueTask<WampPrincipal?> AuthenticateAsync(WampAuthenticationContext context, CancellationToken cancellationToken);
}
