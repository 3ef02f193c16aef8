using LiveStack.Router;
using Microsoft.Extensions.Hosting;

namespace LiveStack.AspNetCore;

/// <summary>
/// Ends every session with GOODBYE <c>wamp.close.system_shutdown</c> when the host stops
/// (Ctrl-C, SIGTERM). It runs in the stopping phase, before Kestrel stops and tears the
/// connections down, so the GOODBYEs reach the clients.
/// </summary>
internal sealed class RouterLifetimeService(WampRouter router) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => router.ShutdownAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
