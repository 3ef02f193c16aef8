using LiveStack.AspNetCore;
using LiveStack.AspNetCore.WebSockets;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the LiveStack WAMP WebSocket endpoint.</summary>
public static class LiveStackEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves WAMP over WebSocket at <paramref name="pattern"/> (e.g. <c>/ws</c>). Returns a
    /// convention builder, so <c>RequireAuthorization</c>, <c>RequireCors</c> and the like apply.
    /// </summary>
    public static IEndpointConventionBuilder MapLiveStack(this IEndpointRouteBuilder endpoints, string pattern = "/ws")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<LiveStackMarkerService>() is null)
        {
            throw new InvalidOperationException(
                "MapLiveStack needs the LiveStack services: call builder.Services.AddLiveStack() before building the app.");
        }

        var handler = endpoints.ServiceProvider.GetRequiredService<LiveStackWebSocketEndpoint>();
        // The WebSocket middleware runs only on this branch, so the app need not call UseWebSockets.
        var pipeline = endpoints.CreateApplicationBuilder().UseWebSockets();
        pipeline.Run(handler.HandleAsync);
        return endpoints.Map(pattern, pipeline.Build()).WithDisplayName("LiveStack WAMP " + pattern);
    }
}
