using System.Net;
using System.Net.Sockets;
using LiveStack.AspNetCore;
using LiveStack.Router;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStack.Testing;

/// <summary>
/// A real LiveStack router in this process: Kestrel on 127.0.0.1 with free ports, WAMP over
/// WebSocket at <c>/ws</c> and over RawSocket. Use one per test class (xunit class fixture) or per test.
/// </summary>
public sealed class RouterHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RouterHost(WebApplication app, int httpPort, int rawSocketPort)
    {
        _app = app;
        HttpPort = httpPort;
        RawSocketPort = rawSocketPort;
    }

    /// <summary>The WebSocket URL, e.g. <c>ws://127.0.0.1:41234/ws</c>.</summary>
    public Uri WebSocketUrl => new($"ws://127.0.0.1:{HttpPort}/ws");

    /// <summary>The HTTP port.</summary>
    public int HttpPort { get; }

    /// <summary>The RawSocket TCP port.</summary>
    public int RawSocketPort { get; }

    /// <summary>The router engine, for assertions on its state.</summary>
    public WampRouter Router => _app.Services.GetRequiredService<WampRouter>();

    /// <summary>
    /// Starts a router; <paramref name="configure"/> may change options (realm1 is served unless it says otherwise).
    /// The host logs nothing unless <paramref name="loggerProvider"/> is given, which then receives its logs (Information and above).
    /// <paramref name="services"/> may add services (e.g. authentication) and <paramref name="app"/> middleware and
    /// endpoints (e.g. UseAuthentication, a login endpoint, another MapLiveStack) next to the <c>/ws</c> endpoint.
    /// </summary>
    public static async Task<RouterHost> StartAsync(
        Action<LiveStackOptions>? configure = null,
        ILoggerProvider? loggerProvider = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? app = null)
    {
        // FreePort can race with another test host picking the same port; a few fresh tries settle it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync(configure, loggerProvider, services, app).ConfigureAwait(false);
            }
            catch (IOException) when (attempt < 5)
            {
            }
        }
    }

    private static async Task<RouterHost> TryStartAsync(
        Action<LiveStackOptions>? configure,
        ILoggerProvider? loggerProvider,
        Action<IServiceCollection>? services,
        Action<WebApplication>? configureApp)
    {
        var httpPort = FreePort();
        var rawSocketPort = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (loggerProvider is not null)
        {
            builder.Logging.AddProvider(loggerProvider);
        }

        builder.Services.AddLiveStack(o =>
        {
            o.RawSocket.Port = rawSocketPort;
            configure?.Invoke(o);
        });
        services?.Invoke(builder.Services);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, httpPort));
        var app = builder.Build();
        configureApp?.Invoke(app);
        app.MapLiveStack("/ws");
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new RouterHost(app, httpPort, rawSocketPort);
    }

    /// <summary>Stops the host the way Ctrl-C does (sessions get GOODBYE system_shutdown).</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A TCP port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
