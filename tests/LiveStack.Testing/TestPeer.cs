using System.Buffers;
using System.Net.WebSockets;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Testing;

/// <summary>
/// A raw WAMP peer over a real WebSocket: sends and receives typed messages with no client
/// logic in between, so tests see exactly what the router puts on the wire.
/// </summary>
public sealed class TestPeer : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket;
    private readonly IWampCodec _codec;
    private long _nextRequest;

    private TestPeer(ClientWebSocket socket, IWampCodec codec, Uri url)
    {
        _socket = socket;
        _codec = codec;
        Url = url;
    }

    /// <summary>The router URL this peer connected to.</summary>
    public Uri Url { get; }

    /// <summary>The session id from WELCOME, once joined.</summary>
    public long SessionId { get; private set; }

    /// <summary>The WebSocket state, to check whether the router closed the connection.</summary>
    public WebSocketState State => _socket.State;

    /// <summary>
    /// Opens a WebSocket offering the codec's subprotocol, without joining. <paramref name="configureSocket"/>
    /// may add to the upgrade request (cookies, headers).
    /// </summary>
    public static async Task<TestPeer> ConnectAsync(Uri url, IWampCodec? codec = null, Action<ClientWebSocketOptions>? configureSocket = null)
    {
        codec ??= WampCodecs.Json;
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(codec.Subprotocol);
        configureSocket?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await socket.ConnectAsync(url, timeout.Token).ConfigureAwait(false);
        return new TestPeer(socket, codec, url);
    }

    /// <summary>Connects and joins <paramref name="realm"/> announcing all four client roles with common features.</summary>
    public static async Task<TestPeer> JoinAsync(Uri url, string realm = "realm1", IWampCodec? codec = null)
    {
        var peer = await ConnectAsync(url, codec).ConfigureAwait(false);
        await peer.SendAsync(new HelloMessage(realm, HelloDetails())).ConfigureAwait(false);
        var welcome = await peer.ReceiveAsync<WelcomeMessage>().ConfigureAwait(false);
        peer.SessionId = welcome.Session;
        return peer;
    }

    /// <summary>HELLO details with every client role and the features the router offers.</summary>
    public static Dictionary<string, object?> HelloDetails()
    {
        var features = new Dictionary<string, object?>
        {
            ["publisher_exclusion"] = true,
            ["publisher_identification"] = true,
            ["subscriber_blackwhite_listing"] = true,
            ["pattern_based_subscription"] = true,
            ["pattern_based_registration"] = true,
            ["shared_registration"] = true,
            ["progressive_call_results"] = true,
            ["call_canceling"] = true,
            ["call_timeout"] = true,
            ["caller_identification"] = true,
        };
        var roles = new Dictionary<string, object?>();
        foreach (var role in new[] { "publisher", "subscriber", "caller", "callee" })
        {
            roles[role] = new Dictionary<string, object?> { ["features"] = features };
        }

        return new Dictionary<string, object?> { ["roles"] = roles };
    }

    /// <summary>The next request id in this session's sequence (1, 2, 3, …).</summary>
    public long NextRequest() => Interlocked.Increment(ref _nextRequest);

    /// <summary>Sends one message as one WebSocket message.</summary>
    public async Task SendAsync(WampMessage message)
    {
        using var buffer = new PooledBufferWriter();
        _codec.Encode(message, buffer);
        await SendRawAsync(buffer.WrittenMemory.ToArray()).ConfigureAwait(false);
    }

    /// <summary>Sends arbitrary bytes as one WebSocket message (for hostile-input tests).</summary>
    public async Task SendRawAsync(byte[] bytes, WebSocketMessageType? type = null)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        var messageType = type ?? (_codec.IsBinary ? WebSocketMessageType.Binary : WebSocketMessageType.Text);
        await _socket.SendAsync(bytes, messageType, true, timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Receives the next message; null when the router closed the WebSocket.</summary>
    public async Task<WampMessage?> ReceiveAnyAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        using var buffer = new PooledBufferWriter();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), cts.Token).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return _codec.Decode(new ReadOnlySequence<byte>(buffer.WrittenMemory));
            }
        }
    }

    /// <summary>Receives the next message and checks its type.</summary>
    public async Task<T> ReceiveAsync<T>(TimeSpan? timeout = null)
        where T : WampMessage
    {
        var message = await ReceiveAnyAsync(timeout).ConfigureAwait(false);
        return message as T ?? throw new InvalidOperationException($"Expected {typeof(T).Name}, got {message?.ToString() ?? "the WebSocket closing"}.");
    }

    /// <summary>True when nothing arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> ReceivesNothingAsync(TimeSpan wait)
    {
        try
        {
            var message = await ReceiveAnyAsync(wait).ConfigureAwait(false);
            return message is null;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    /// <summary>Waits until the router closes the WebSocket, returning every message received before that.</summary>
    public async Task<List<WampMessage>> ReceiveUntilClosedAsync(TimeSpan? timeout = null)
    {
        var received = new List<WampMessage>();
        while (await ReceiveAnyAsync(timeout).ConfigureAwait(false) is { } message)
        {
            received.Add(message);
        }

        return received;
    }

    /// <summary>Subscribes and returns the subscription id.</summary>
    public async Task<long> SubscribeAsync(string topic, Dictionary<string, object?>? options = null)
    {
        await SendAsync(new SubscribeMessage(NextRequest(), options ?? [], topic)).ConfigureAwait(false);
        return (await ReceiveAsync<SubscribedMessage>().ConfigureAwait(false)).Subscription;
    }

    /// <summary>Registers and returns the registration id.</summary>
    public async Task<long> RegisterAsync(string procedure, Dictionary<string, object?>? options = null)
    {
        await SendAsync(new RegisterMessage(NextRequest(), options ?? [], procedure)).ConfigureAwait(false);
        return (await ReceiveAsync<RegisteredMessage>().ConfigureAwait(false)).Registration;
    }

    /// <summary>Closes the WebSocket abruptly (no GOODBYE), like a dropped connection.</summary>
    public void Drop() => _socket.Abort();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // Already going away.
            }
        }

        _socket.Dispose();
    }
}
