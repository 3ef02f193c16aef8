using System.Net.WebSockets;
using LiveStack.Router;
using LiveStack.Wamp.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveStack.AspNetCore.WebSockets;

/// <summary>
/// The request delegate behind <c>MapLiveStack</c>: checks the origin, negotiates the WAMP
/// subprotocol in the client's order of preference, accepts the WebSocket and runs the transport.
/// </summary>
internal sealed class LiveStackWebSocketEndpoint(WampRouter router, IOptions<LiveStackOptions> options, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("LiveStack.AspNetCore.WebSockets");

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            context.Response.Headers.Upgrade = "websocket";
            await context.Response.WriteAsync("This endpoint speaks WAMP over WebSocket (wamp.2.json, wamp.2.msgpack, wamp.2.cbor).", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var settings = options.Value;
        var origin = context.Request.Headers.Origin.ToString();
        if (!IsOriginAllowed(origin, settings.AllowedOrigins))
        {
            HostingLog.OriginRefused(_logger, origin);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var codec = Negotiate(context.WebSockets.WebSocketRequestedProtocols);
        if (codec is null)
        {
            // No silent fallback: a client that offers no WAMP subprotocol cannot be understood.
            HostingLog.NoSubprotocol(_logger, string.Join(", ", context.WebSockets.WebSocketRequestedProtocols));
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Offer one of the subprotocols wamp.2.json, wamp.2.msgpack, wamp.2.cbor.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var peer = $"tcp:{context.Connection.RemoteIpAddress}:{context.Connection.RemotePort}";
        var transport = new TransportDetails("websocket", codec.Subprotocol["wamp.2.".Length..], peer)
        {
            AuthenticatedUser = settings.HttpUser.ToPrincipal(context.User),
            ClientAddress = context.Connection.RemoteIpAddress?.ToString(),
        };
        using var session = router.TryOpenSession(transport);
        if (session is null)
        {
            HostingLog.SessionLimitReached(_logger, peer);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = codec.Subprotocol,
            KeepAliveInterval = settings.KeepAliveInterval,
            KeepAliveTimeout = settings.KeepAliveTimeout,
        }).ConfigureAwait(false);

        // The socket lives for hours; its messages must not be children of the upgrade request's span.
        System.Diagnostics.Activity.Current = null;
        await new WebSocketTransport(socket, codec, session, settings, _logger, peer).RunAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static IWampCodec? Negotiate(IList<string> offered)
    {
        foreach (var protocol in offered)
        {
            if (WampCodecs.FromSubprotocol(protocol.Trim()) is { } codec)
            {
                return codec;
            }
        }

        return null;
    }

    private static bool IsOriginAllowed(string origin, IList<string> allowed)
    {
        if (string.IsNullOrEmpty(origin) || allowed.Count == 0)
        {
            return true;
        }

        foreach (var entry in allowed)
        {
            if (entry == "*" || string.Equals(entry.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
