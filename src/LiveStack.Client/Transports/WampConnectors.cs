using LiveStack.Wamp.Serialization;

namespace LiveStack.Client.Transports;

/// <summary>Builds connectors from router URLs.</summary>
public static class WampConnectors
{
    /// <summary>
    /// A connector for <paramref name="url"/>: <c>ws://</c> and <c>wss://</c> connect over WebSocket,
    /// <c>rs://host:port</c> (or <c>tcp://</c>) over RawSocket; <paramref name="serializer"/> is
    /// <c>json</c> (default), <c>msgpack</c> or <c>cbor</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The URL or the serializer is not supported.</exception>
    public static IWampConnector FromUrl(string url, string serializer = "json")
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"'{url}' is not an absolute URL.", nameof(url));
        }

        var codec = WampCodecs.FromSubprotocol($"wamp.2.{serializer}")
            ?? throw new ArgumentException($"Serializer '{serializer}' is not supported; use json, msgpack or cbor.", nameof(serializer));
        return uri.Scheme switch
        {
            "ws" or "wss" => new WebSocketConnector(uri, codec),
            "rs" or "tcp" when uri.Port > 0 => new RawSocketConnector(uri.Host, uri.Port, codec),
            "rs" or "tcp" => throw new ArgumentException($"'{url}' needs a port, e.g. rs://127.0.0.1:8081.", nameof(url)),
            _ => throw new ArgumentException($"'{url}' has scheme '{uri.Scheme}'; use ws://, wss:// or rs://.", nameof(url)),
        };
    }
}
