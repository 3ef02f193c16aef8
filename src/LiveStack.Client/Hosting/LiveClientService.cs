using Microsoft.Extensions.Hosting;

namespace LiveStack.Client;

/// <summary>Starts the app's <see cref="LiveClient"/> with the host and leaves the realm (GOODBYE) when the host stops.</summary>
internal sealed class LiveClientService(LiveClient client) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => client.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => client.StopAsync(cancellationToken);
}
