using LiveStack.Client.Binding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveStack.Client;

/// <summary>
/// A WAMP application in a few lines: declare handlers, then run. The router URL and realm come
/// from <c>--url</c>/<c>--realm</c>, <c>LIVESTACK_URL</c>/<c>LIVESTACK_REALM</c>, or the
/// <c>LiveStack:Client</c> section of appsettings.json (default <c>ws://127.0.0.1:8080/ws</c>,
/// <c>realm1</c>). It reconnects forever and re-declares its handlers each time; Ctrl-C or
/// SIGTERM leaves the realm with GOODBYE and exits.
/// </summary>
/// <example>
/// <code>
/// var app = LiveApp.Create(args);
/// app.Subscribe("chat.message", (string text) => Console.WriteLine(text));
/// app.Register("math.add", (int a, int b) => a + b);
/// await app.RunAsync();
/// </code>
/// </example>
public sealed class LiveApp : ILiveHandlers, IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ClientHandlers _handlers;
    private readonly List<object> _components = [];
    private int _disposed;

    internal LiveApp(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<LiveClient>();
        _handlers = new ClientHandlers(Client, new HandlerBinder(host.Services, Client.Options.JsonOptions));
        Logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LiveStack.App");
    }

    /// <summary>The client that talks to the router; use it to call and publish from anywhere.</summary>
    public LiveClient Client { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The app's configuration.</summary>
    public IConfiguration Configuration => Services.GetRequiredService<IConfiguration>();

    /// <summary>A logger for the app's own messages.</summary>
    public ILogger Logger { get; }

    /// <summary>Creates an app with the default services (<see cref="CreateBuilder"/> to add your own).</summary>
    public static LiveApp Create(string[]? args = null) => CreateBuilder(args).Build();

    /// <summary>Creates a builder, to add services or configuration before building the app.</summary>
    public static LiveAppBuilder CreateBuilder(string[]? args = null) => new(args ?? []);

    /// <summary>Declares a procedure; the handler's parameters bind to the call's arguments, services and details.</summary>
    public LiveApp Register(string procedure, Delegate handler, RegisterOptions? options = null)
    {
        _handlers.Register(procedure, handler, options);
        return this;
    }

    /// <summary>Declares a subscription; the handler's parameters bind to the event's arguments, services and details.</summary>
    public LiveApp Subscribe(string topic, Delegate handler, SubscribeOptions? options = null)
    {
        _handlers.Subscribe(topic, handler, options);
        return this;
    }

    ILiveHandlers ILiveHandlers.Register(string procedure, Delegate handler, RegisterOptions? options) => Register(procedure, handler, options);

    ILiveHandlers ILiveHandlers.Subscribe(string topic, Delegate handler, SubscribeOptions? options) => Subscribe(topic, handler, options);

    /// <summary>
    /// Adds a component: an instance of <typeparamref name="T"/> is created now with constructor
    /// injection, its <see cref="ProcedureAttribute"/>/<see cref="SubscribeAttribute"/> methods
    /// and <see cref="ILiveComponent.Configure"/> declare its handlers, and it is disposed with the app.
    /// </summary>
    public LiveApp AddComponent<T>()
        where T : class
    {
        var component = ActivatorUtilities.CreateInstance<T>(Services);
        _components.Add(component);
        _handlers.AddComponent(component);
        return this;
    }

    /// <summary>Runs until Ctrl-C, SIGTERM or <paramref name="cancellationToken"/>; then leaves the realm and disposes the app.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _host.StartAsync(cancellationToken).ConfigureAwait(false);
            await _host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Starts the app (connecting in the background) and returns.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _host.StartAsync(cancellationToken);

    /// <summary>Leaves the realm and stops the app.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Client.StopAsync().ConfigureAwait(false);
        foreach (var component in _components)
        {
            switch (component)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }

        if (_host is IAsyncDisposable host)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            _host.Dispose();
        }
    }
}
