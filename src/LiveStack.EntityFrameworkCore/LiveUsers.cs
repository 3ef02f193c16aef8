using LiveStack.Client;
using LiveStack.Router;

namespace LiveStack.EntityFrameworkCore;

/// <summary>Finds the <see cref="LiveUser"/> behind a call.</summary>
internal static class LiveUsers
{
    public static LiveUser From(WampSessionIdentity identity) =>
        new(identity.SessionId, identity.AuthId, identity.AuthRole, identity.AuthExtra);

    /// <summary>The caller of <paramref name="invocation"/>, looked up in the router (registrations ask for caller disclosure).</summary>
    /// <exception cref="WampException"><c>wamp.error.not_authorized</c> when the caller is not known (e.g. it already left).</exception>
    public static LiveUser Caller(WampInvocation invocation, WampRouter router, WampSession server)
    {
        if (invocation.Caller is not { } callerId)
        {
            throw new WampException(Wamp.WampErrors.NotAuthorized, "The caller's identity was not disclosed.");
        }

        if (callerId == server.Id)
        {
            return LiveUser.Server;
        }

        return router.FindSession(server.Realm, callerId) is { } identity
            ? From(identity)
            : throw new WampException(Wamp.WampErrors.NotAuthorized, "The caller is no longer in the realm.");
    }
}
