using LiveStack.Client;
using LiveStack.Client.Transports;
using LiveStack.Router;
using LiveStack.Router.Auth;

namespace LiveStack.AspNetCore.InProcess;

/// <summary>
/// Connects a client to the router in this process, with no socket and no serialization: messages
/// pass as objects. The session is trusted (see <see cref="TransportDetails.IsTrusted"/>).
/// </summary>
internal sealed class InProcessConnector(WampRouter router, string authId) : IWampConnector
{
    /// <summary>The role the in-process session gets.</summary>
    public const string Role = "trusted";

    public string Description => "in-process";

    public ValueTask<IWampConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var transport = new TransportDetails("inprocess", "none", null)
        {
            AuthenticatedUser = new WampPrincipal(authId, Role),
            IsTrusted = true,
        };
        var session = router.TryOpenSession(transport)
            ?? throw new WampException(ClientErrors.ConnectionLost, "The router is shutting down or at its session limit.");
        return ValueTask.FromResult<IWampConnection>(new InProcessConnection(session));
    }
}
