using LiveStack.Client.Transports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveStack.Client;

/// <summary>Creates the DI container's <see cref="LiveClient"/> from the bound <see cref="LiveClientOptions"/>.</summary>
internal static class LiveClientFactory
{
    public static LiveClient Create(IServiceProvider services, IEnumerable<IWampConnector>? connectors) =>
        new(services.GetRequiredService<IOptions<LiveClientOptions>>().Value, services.GetService<ILoggerFactory>(), connectors);
}
