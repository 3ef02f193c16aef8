using LiveStack.Router;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStack.Benchmarks.Servers.LiveStack;

/// <summary>
/// (a) The LiveStack router as an application would host it: defaults, an open realm1, WebSocket at
/// /ws — except the abuse limits, which the load client would trip on purpose: one publisher sends
/// far more than the default per-session rate, and the idle case opens 19,000 sessions from one address.
/// </summary>
internal static class LiveStackServer
{
    public static void Configure(IServiceCollection services) => services.AddLiveStack(o =>
    {
        o.Realms.Clear();
        o.Realms.Add(new global::LiveStack.Router.RealmOptions { Name = "realm1" });
        o.MessagesPerSecond = 0;
        o.MaxSessions = 25_000;
        o.MaxSessionsPerAddress = 25_000;
    });

    public static void Map(WebApplication app) => app.MapLiveStack("/ws");
}
