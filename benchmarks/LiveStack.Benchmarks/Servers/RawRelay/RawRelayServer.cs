using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStack.Benchmarks.Servers.RawRelay;

/// <summary>
/// (b) The ceiling: a minimal-API WebSocket endpoint at /ws that does the router's forwarding and
/// nothing else. It speaks just enough WAMP-shaped JSON for the load client to drive it exactly as
/// it drives LiveStack (same frames, same client cost), but it decodes nothing: it reads the message
/// code and one id, slices the payload bytes out and splices them into the outgoing frame.
/// </summary>
internal static class RawRelayServer
{
    public static void Configure(IServiceCollection services) => services.AddSingleton<RelayState>();

    public static void Map(WebApplication app)
    {
        app.UseWebSockets();
        app.Map("/ws", HandleAsync);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            // The client offers wamp.2.json and would refuse a handshake without it.
            SubProtocol = "wamp.2.json",
            // The router's default, so both servers send the same pings.
            KeepAliveInterval = TimeSpan.FromSeconds(30),
        }).ConfigureAwait(false);
        var state = context.RequestServices.GetRequiredService<RelayState>();
        await new RelayConnection(socket, state).RunAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
