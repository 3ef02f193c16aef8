using System.Net.WebSockets;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Client.Transports;

/// <summary>Connects to a router over WebSocket (<c>ws://</c> or <c>wss://</c>) with one serializer.</summary>
/// <param name="uri">The router's WebSocket URL.</param>
/// <param name="codec">The serializer, offered as the WebSocket subprotocol.</param>
/// <param name="maxMessageSize">The largest message accepted from the router, in bytes.</param>
public sealed class WebSocketConnector(Uri uri, IWampCodec codec, int maxMessageSize = WebSocketConnector.DefaultMaxMessageSize) : IWampConnector
{
    /// <summary>The default largest accepted message: 16 MiB.</summary>
    public const int DefaultMaxMessageSize = 16 * 1024 * 1024;

    /// <inheritdoc />
    public string Description => $"{uri} ({codec.Subprotocol})";

    /// <summary>Lets callers set headers, cookies or a proxy on each new socket.</summary>
    public Action<ClientWebSocketOptions>? ConfigureSocket { get; init; }

    /// <inheritdoc />
    public async ValueTask<IWampConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.AddSubProtocol(codec.Subprotocol);
            ConfigureSocket?.Invoke(socket.Options);
            await socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(socket.SubProtocol, codec.Subprotocol, StringComparison.Ordinal))
            {
                throw new WebSocketException($"The router at {uri} did not accept the subprotocol {codec.Subprotocol}.");
            }

            return new WebSocketConnection(socket, codec, maxMessageSize, Description);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
