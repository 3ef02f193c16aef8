using LiveStack.Wamp.Messages;

namespace LiveStack.Client.Transports;

/// <summary>
/// One open connection to a router that carries whole WAMP messages. The session calls
/// <see cref="ReceiveAsync"/> from a single loop; <see cref="SendAsync"/> may be called
/// concurrently and the connection keeps one writer.
/// </summary>
public interface IWampConnection : IAsyncDisposable
{
    /// <summary>What the connection is, for logs, e.g. <c>ws://127.0.0.1:8080/ws (json)</c>.</summary>
    string Description { get; }

    /// <summary>Sends one message.</summary>
    /// <exception cref="WampException">The connection is closed (<see cref="ClientErrors.ConnectionLost"/>).</exception>
    ValueTask SendAsync(WampMessage message, CancellationToken cancellationToken);

    /// <summary>Receives the next message, or null once the router closed the connection.</summary>
    /// <exception cref="LiveStack.Wamp.WampProtocolException">The router sent bytes that are not a WAMP message.</exception>
    ValueTask<WampMessage?> ReceiveAsync(CancellationToken cancellationToken);
}

/// <summary>Opens connections to one router address; the reconnecting client asks it again after each loss.</summary>
public interface IWampConnector
{
    /// <summary>The address, for logs.</summary>
    string Description { get; }

    /// <summary>Opens a connection.</summary>
    ValueTask<IWampConnection> ConnectAsync(CancellationToken cancellationToken);
}
