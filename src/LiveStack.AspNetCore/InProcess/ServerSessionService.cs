using LiveStack.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiveStack.AspNetCore.InProcess;

/// <summary>
/// Starts the in-process session when the app declared handlers or components, and leaves the
/// realm when the host stops, before the router says GOODBYE to everyone else.
/// </summary>
internal sealed class ServerSessionService(LiveClient client, ServerHandlers handlers, IEnumerable<ServerComponent> components, IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var component in components)
        {
            handlers.AddComponent(services.GetRequiredService(component.Type));
        }

        return handlers.HasDeclarations ? client.StartAsync(cancellationToken) : Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => client.StopAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A component registered with <c>AddLiveStackComponent&lt;T&gt;()</c>.</summary>
internal sealed record ServerComponent(Type Type);
