using System.Globalization;
using System.Text.Json;

namespace LiveStack.Cli.Config;

/// <summary>A TCP listening endpoint.</summary>
internal sealed record CrossbarEndpoint(string Host, int Port);

/// <summary>A served Crossbar transport: where it listens and who it lets in.</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Auth">The transport's authentication.</param>
/// <param name="WebSocketPath">The WebSocket path (WebSocket only).</param>
/// <param name="AllowedOrigins">The allowed browser origins (WebSocket only; empty: any).</param>
internal sealed record CrossbarListener(CrossbarEndpoint Endpoint, CrossbarTransportAuth Auth, string WebSocketPath = "/", IReadOnlyList<string>? AllowedOrigins = null);

/// <summary>
/// Picks, from a router worker's <c>transports</c>, the one WebSocket listener and the one
/// RawSocket listener <c>livestack serve</c> has: the first <c>web</c> (its first <c>websocket</c>
/// path) or <c>websocket</c> transport, and the first <c>rawsocket</c> transport. Every other
/// transport is reported as not served.
/// </summary>
internal sealed class CrossbarTransports(Func<string, string?> environment)
{
    public CrossbarListener? WebSocket { get; private set; }

    public CrossbarListener? RawSocket { get; private set; }

    public void Read(IReadOnlyList<CrossbarObject> transports)
    {
        foreach (var transport in transports)
        {
            var type = transport.String("type");
            switch (type)
            {
                case "web" or "websocket" when WebSocket is not null:
                case "rawsocket" when RawSocket is not null:
                    transport.Issues.Warning(transport.Path, $"is not served: livestack serve has one {(type == "rawsocket" ? "RawSocket" : "WebSocket")} listener, used by an earlier transport.");
                    break;
                case "web":
                    ReadWeb(transport);
                    break;
                case "websocket":
                    ReadWebSocket(transport);
                    break;
                case "rawsocket":
                    ReadRawSocket(transport);
                    break;
                default:
                    transport.Issues.Warning(transport.Path, $"is not supported (transport type '{type}'): it is not served.");
                    break;
            }
        }
    }

    private void ReadWeb(CrossbarObject transport)
    {
        if (ReadEndpoint(transport) is not { } endpoint)
        {
            return;
        }

        (string Path, CrossbarObject Service)? webSocket = null;
        foreach (var (name, service) in transport.Object("paths")?.Entries() ?? [])
        {
            var type = service.String("type");
            if (type != "websocket")
            {
                service.Issues.Warning(service.Path, $"is not supported (path type '{type}'): livestack serve serves WAMP only, no web resources.");
            }
            else if (webSocket is null)
            {
                webSocket = (name == "/" ? "/" : "/" + name, service);
            }
            else
            {
                service.Issues.Warning(service.Path, $"is not served: livestack serve serves one WebSocket path, {webSocket.Value.Path}.");
            }
        }

        transport.Object("options")?.ReportRest();
        transport.ReportRest();
        if (webSocket is not { } served)
        {
            transport.Issues.Warning(transport.Path, "has no websocket path, so it is not served.");
            return;
        }

        WebSocket = ReadWebSocketService(served.Service, endpoint, served.Path);
    }

    private void ReadWebSocket(CrossbarObject transport)
    {
        if (ReadEndpoint(transport) is not { } endpoint)
        {
            return;
        }

        // Crossbar's url names the address clients use; its path is where they expect WAMP.
        var path = transport.String("url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : "/";
        WebSocket = ReadWebSocketService(transport, endpoint, path);
    }

    private CrossbarListener ReadWebSocketService(CrossbarObject service, CrossbarEndpoint endpoint, string path)
    {
        var auth = CrossbarAuth.Read(service.Object("auth"), service.Path, environment);
        var origins = new List<string>();
        if (service.Object("options") is { } options)
        {
            foreach (var origin in options.Strings("allowed_origins"))
            {
                if (origin == "*" || !origin.Contains('*', StringComparison.Ordinal))
                {
                    origins.Add(origin);
                }
                else
                {
                    options.Issues.Warning(options.PathOf("allowed_origins"), $"pattern '{origin}' is not supported (only full origins and '*'): the origins it covers are refused.");
                }
            }

            options.ReportRest();
        }

        service.Unsupported("cookie", "cookie tracking and cookie authentication are not available.");
        service.Unsupported("serializers", "every transport offers json, msgpack and cbor.");
        service.ReportRest();
        return new CrossbarListener(endpoint, auth, path, origins);
    }

    private void ReadRawSocket(CrossbarObject transport)
    {
        if (ReadEndpoint(transport) is not { } endpoint)
        {
            return;
        }

        var auth = CrossbarAuth.Read(transport.Object("auth"), transport.Path, environment);
        transport.Unsupported("serializers", "every transport offers json, msgpack and cbor.");
        transport.Unsupported("max_message_size", "set LiveStack:RawSocket:MaxMessageSize (an environment variable) instead.");
        transport.ReportRest();
        RawSocket = new CrossbarListener(endpoint, auth);
    }

    private CrossbarEndpoint? ReadEndpoint(CrossbarObject transport)
    {
        if (transport.Object("endpoint") is not { } endpoint)
        {
            transport.Issues.Error(transport.PathOf("endpoint"), "is required.");
            return null;
        }

        var type = endpoint.String("type");
        if (type != "tcp")
        {
            endpoint.Issues.Warning(endpoint.PathOf("type"), $"'{type}' is not supported (only tcp): this transport is not served.");
            return null;
        }

        if (endpoint.Take("tls") is not null)
        {
            endpoint.Issues.Error(endpoint.PathOf("tls"), "is not supported: livestack serve would serve in clear text what Crossbar serves over TLS. Terminate TLS in a reverse proxy in front of it and remove this key.");
        }

        var port = Port(endpoint);
        var version = endpoint.Int("version");
        // Crossbar listens on every interface unless one is named.
        var host = endpoint.String("interface") ?? (version == 6 ? "::" : "0.0.0.0");
        endpoint.ReportRest();
        return port is { } value ? new CrossbarEndpoint(host, value) : null;
    }

    private int? Port(CrossbarObject endpoint)
    {
        var key = endpoint.PathOf("port");
        var value = endpoint.Take("port");
        string? text;
        switch (value?.ValueKind)
        {
            case JsonValueKind.Number:
                text = value.Value.GetRawText();
                break;
            case JsonValueKind.String:
                text = CrossbarVariables.Port(value.Value.GetString()!, key, environment, endpoint.Issues);
                if (text is null)
                {
                    return null;
                }

                break;
            default:
                endpoint.Issues.Error(key, "is required and must be a TCP port.");
                return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            endpoint.Issues.Error(key, $"'{text}' must be a TCP port.");
            return null;
        }

        return port;
    }
}
