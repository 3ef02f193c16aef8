using LiveStack.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveStack.AspNetCore.InProcess;

/// <summary>
/// Starts the in-process session when the app declared handlers or components, and waits (briefly)
/// until they are registered, so the app serves them as soon as it reports started. Leaves the
/// realm when the host stops, before the router says GOODBYE to everyone else.
/// </summary>
internal sealed class ServerSessionService(LiveClient client, ServerHandlers handlers, IEnumerable<ServerComponent> components, IServiceProvider services, ILogger<ServerSessionService> logger) : IHostedLifecycleService
{
    /// <summary>Joining in process takes milliseconds; longer means the realm is misconfigured, which the client's log explains.</summary>
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(5);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var component in components)
        {
            handlers.AddComponent(services.GetRequiredService(component.Type));
        }

        if (!handlers.HasDeclarations)
        {
            return;
        }

        await client.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await client.WhenReadyAsync(cancellationToken).WaitAsync(ReadyTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            HostingLog.ServerSessionNotReady(logger, ReadyTimeout);
        }
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => client.StopAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A component registered with <c>AddLiveStackComponent&lt;T&gt;()</c>.</summary>
internal sealed record ServerComponent(Type Type);
