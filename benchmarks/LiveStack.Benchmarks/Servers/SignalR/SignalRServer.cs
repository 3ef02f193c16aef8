using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStack.Benchmarks.Servers.SignalR;

/// <summary>(c) An ASP.NET Core SignalR hub at /hub doing the same job with groups and client results.</summary>
internal static class SignalRServer
{
    public static void Configure(IServiceCollection services)
    {
        services.AddSingleton<CalleeDirectory>();
        services.AddSignalR(o =>
        {
            // Client results inside a hub method need more than 1; 16 also lets one connection's
            // calls overlap, as a WAMP session's may.
            o.MaximumParallelInvocationsPerClient = 16;
            // The lean load client never pings; the idle scenario keeps its connections quiet for minutes.
            o.ClientTimeoutInterval = TimeSpan.FromMinutes(30);
        });
    }

    public static void Map(WebApplication app) => app.MapHub<BenchHub>("/hub");
}
