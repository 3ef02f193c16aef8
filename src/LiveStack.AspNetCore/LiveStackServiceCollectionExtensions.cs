using System.Diagnostics.Metrics;
using LiveStack.AspNetCore;
using LiveStack.AspNetCore.InProcess;
using LiveStack.Client;
using LiveStack.AspNetCore.RawSocket;
using LiveStack.AspNetCore.WebSockets;
using LiveStack.Router;
using LiveStack.Router.Auth;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the LiveStack WAMP router.</summary>
public static class LiveStackServiceCollectionExtensions
{
    /// <summary>
    /// Adds the LiveStack router. Options bind from the <c>LiveStack</c> configuration section,
    /// then <paramref name="configure"/> runs; they are validated when the host starts.
    /// </summary>
    public static ILiveStackBuilder AddLiveStack(this IServiceCollection services, Action<LiveStackOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<LiveStackOptions>().BindConfiguration(LiveStackOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LiveStackOptions>, LiveStackOptionsValidator>());
        services.TryAddSingleton<LiveStackMarkerService>();
        services.TryAddSingleton(sp => new WampRouter(
            sp.GetRequiredService<IOptions<LiveStackOptions>>().Value.ToRouterOptions(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<IMeterFactory>(),
            sp.GetServices<IWampAuthenticator>(),
            sp.GetServices<IWampAuthorizer>()));
        services.TryAddSingleton<LiveStackWebSocketEndpoint>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<KestrelServerOptions>, RawSocketKestrelSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Hosting.IHostedService, RouterLifetimeService>());
        services.TryAddSingleton(CreateServerClient);
        services.TryAddSingleton<ServerHandlers>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Hosting.IHostedService, ServerSessionService>());
        return new LiveStackBuilder(services);
    }

    /// <summary>
    /// Adds a component that runs in the router's process: one instance (created by DI), whose
    /// <see cref="ProcedureAttribute"/>/<see cref="SubscribeAttribute"/> methods and
    /// <see cref="ILiveComponent.Configure"/> declare handlers on the in-process session when the host starts.
    /// </summary>
    public static IServiceCollection AddLiveStackComponent<T>(this IServiceCollection services)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<T>();
        if (!services.Any(d => d.ImplementationInstance is ServerComponent { Type: var type } && type == typeof(T)))
        {
            services.AddSingleton(new ServerComponent(typeof(T)));
        }
        return services;
    }

    // The app's own session: in process, trusted, joined on first use, and reconnected quickly if
    // the router ends it (e.g. killed through the meta API).
    private static LiveClient CreateServerClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<LiveStackOptions>>().Value;
        var clientOptions = new LiveClientOptions
        {
            Realm = options.ServerSession.RealmOrDefault(options),
            DetailedErrors = options.ServerSession.DetailedErrors,
        };
        clientOptions.Reconnect.InitialDelay = TimeSpan.FromMilliseconds(50);
        clientOptions.Reconnect.MaxDelay = TimeSpan.FromSeconds(5);
        var connector = new InProcessConnector(services.GetRequiredService<WampRouter>(), options.ServerSession.AuthId);
        return new LiveClient(clientOptions, services.GetService<ILoggerFactory>(), [connector]) { StartOnFirstUse = true };
    }
}
