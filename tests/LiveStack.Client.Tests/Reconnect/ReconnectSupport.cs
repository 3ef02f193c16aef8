using System.Net;
using System.Threading.Channels;
using LiveStack.AspNetCore;
using LiveStack.Client.Transports;
using LiveStack.Router;
using LiveStack.Wamp.Messages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStack.Client.Tests.Reconnect;

/// <summary>Timeouts and builders shared by the reconnect tests.</summary>
internal static class Until
{
    /// <summary>How long an await that could hang may take before the test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>A client for <paramref name="urls"/> that retries fast (50 ms, at most 250 ms apart).</summary>
    public static LiveClient NewClient(params string[] urls) => NewClient(urls, configure: null);

    public static LiveClient NewClient(IEnumerable<string> urls, Action<LiveClientOptions>? configure, IEnumerable<IWampConnector>? connectors = null)
    {
        var options = new LiveClientOptions();
        foreach (var url in urls)
        {
            options.Urls.Add(url);
        }

        options.Reconnect.InitialDelay = TimeSpan.FromMilliseconds(50);
        options.Reconnect.MaxDelay = TimeSpan.FromMilliseconds(250);
        options.HandshakeTimeout = TimeSpan.FromSeconds(5);
        configure?.Invoke(options);
        return new LiveClient(options, loggerFactory: null, connectors);
    }

    /// <summary>A URL nothing listens on (a port that was free a moment ago).</summary>
    public static string DeadUrl() => $"ws://127.0.0.1:{Testing.RouterHost.FreePort()}/ws";

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test after <see cref="Timeout"/>.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>A result carrying the given CLR values as positional arguments.</summary>
    public static WampResult Result(params object?[] values) => new(WampConvert.ToWampList(values));
}

/// <summary>
/// A router on a port the test chooses, so it can be stopped and started again at the same address.
/// Binding retries briefly while the port is still busy (e.g. in TIME_WAIT) from the previous router.
/// </summary>
internal sealed class FixedPortRouter : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private FixedPortRouter(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"ws://127.0.0.1:{Port}/ws";

    public WampRouter Router => _app.Services.GetRequiredService<WampRouter>();

    public static async Task<FixedPortRouter> StartAsync(int port, Action<LiveStackOptions>? configure = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Services.AddLiveStack(o => configure?.Invoke(o));
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
            var app = builder.Build();
            app.MapLiveStack("/ws");
            try
            {
                await app.StartAsync();
                return new FixedPortRouter(app, port);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await app.DisposeAsync();
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Stops the router the way Ctrl-C does: every session gets GOODBYE <c>wamp.close.system_shutdown</c>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Records a client's lifecycle hooks in the order they ran and lets a test wait for the n-th of one.</summary>
internal sealed class HookRecorder
{
    private readonly Lock _lock = new();
    private readonly List<string> _hooks = [];
    private readonly List<WampSessionEnd> _ends = [];
    private readonly List<(string Hook, int Count, TaskCompletionSource Source)> _waiters = [];

    public HookRecorder(LiveClient client)
    {
        client.OnConnected(_ => Record("connected"))
            .OnJoined(_ => Record("joined"))
            .OnReady(_ => Record("ready"))
            .OnLeft(end =>
            {
                lock (_lock)
                {
                    _ends.Add(end);
                }

                return Record("left");
            })
            .OnDisconnected(_ => Record("disconnected"));
    }

    public IReadOnlyList<string> Hooks
    {
        get
        {
            lock (_lock)
            {
                return [.. _hooks];
            }
        }
    }

    public IReadOnlyList<WampSessionEnd> Ends
    {
        get
        {
            lock (_lock)
            {
                return [.. _ends];
            }
        }
    }

    public int Count(string hook)
    {
        lock (_lock)
        {
            return _hooks.Count(h => h == hook);
        }
    }

    /// <summary>Completes once <paramref name="hook"/> has run <paramref name="count"/> times.</summary>
    public Task WaitForAsync(string hook, int count)
    {
        lock (_lock)
        {
            if (_hooks.Count(h => h == hook) >= count)
            {
                return Task.CompletedTask;
            }

            var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((hook, count, source));
            return source.Task.WaitAsync(Until.Timeout);
        }
    }

    /// <summary>
    /// Checks the recorded cycles: the session hooks are exactly <paramref name="sessionHooks"/> (joined,
    /// ready, left, disconnected, …) and every join directly follows a connected hook. Connects that
    /// never got a session (e.g. to a router that was shutting down) may add connected hooks of their own.
    /// </summary>
    public void AssertCycles(params string[] sessionHooks)
    {
        var hooks = Hooks;
        Assert.Equal(sessionHooks, hooks.Where(h => h != "connected"));
        for (var i = 0; i < hooks.Count; i++)
        {
            if (hooks[i] == "joined")
            {
                Assert.True(i > 0 && hooks[i - 1] == "connected", $"joined without connected before it: {string.Join(", ", hooks)}");
            }
        }
    }

    private Task Record(string hook)
    {
        lock (_lock)
        {
            _hooks.Add(hook);
            var count = _hooks.Count(h => h == hook);
            foreach (var waiter in _waiters.Where(w => w.Hook == hook && w.Count <= count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Source.TrySetResult();
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>Collects the events a subscription handler receives.</summary>
internal sealed class EventInbox
{
    private readonly Channel<WampEvent> _events = Channel.CreateUnbounded<WampEvent>();

    public Func<WampEvent, CancellationToken, ValueTask> Handler => (e, _) =>
    {
        _events.Writer.TryWrite(e);
        return ValueTask.CompletedTask;
    };

    public async Task<WampEvent> NextAsync() => await _events.Reader.ReadAsync().AsTask().WaitAsync(Until.Timeout);
}

/// <summary>A connector that counts its attempts and fails every one, as a router that is down would.</summary>
internal sealed class FailingConnector : IWampConnector
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public string Description => "failing";

    public ValueTask<IWampConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        throw new IOException("Connection refused (test).");
    }
}

/// <summary>Wraps a connector so a test can act when the client sends a given kind of message.</summary>
internal sealed class InterceptingConnector(IWampConnector inner, Func<WampMessage, ValueTask> onSend) : IWampConnector
{
    public string Description => inner.Description;

    public async ValueTask<IWampConnection> ConnectAsync(CancellationToken cancellationToken) =>
        new Connection(await inner.ConnectAsync(cancellationToken), onSend);

    private sealed class Connection(IWampConnection inner, Func<WampMessage, ValueTask> onSend) : IWampConnection
    {
        public string Description => inner.Description;

        public async ValueTask SendAsync(WampMessage message, CancellationToken cancellationToken)
        {
            await onSend(message);
            await inner.SendAsync(message, cancellationToken);
        }

        public ValueTask<WampMessage?> ReceiveAsync(CancellationToken cancellationToken) => inner.ReceiveAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
