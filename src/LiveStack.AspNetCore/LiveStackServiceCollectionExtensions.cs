using System.Diagnostics.Metrics;
using LiveStack.AspNetCore;
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
        return new LiveStackBuilder(services);
    }
}
