using LiveStack.Benchmarks.Client;

namespace LiveStack.Benchmarks.Scenarios;

/// <summary>What a scenario runs against: one server process, the wire protocol it speaks, and the profile.</summary>
internal sealed record ScenarioContext(ServerProcess Server, Profile Profile)
{
    public Wire Wire => Wire.For(Server.Kind);

    /// <summary>Connects and joins (WAMP HELLO/WELCOME or the SignalR handshake).</summary>
    public async Task<BenchSocket> OpenSessionAsync(ReceiveBuffer buffer, CancellationToken cancellationToken)
    {
        var socket = await BenchSocket.ConnectAsync(Server.Endpoint, cancellationToken).ConfigureAwait(false);
        try
        {
            await Wire.JoinAsync(socket, buffer, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
