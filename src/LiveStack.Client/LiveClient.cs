using LiveStack.Client.Transports;
using LiveStack.Wamp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveStack.Client;

/// <summary>
/// A WAMP client that stays connected: it (re)connects with backoff and jitter, round-robin over
/// its router URLs, and re-establishes every subscription and registration declared on it after
/// each reconnect. A router that is down at start is waited for.
/// </summary>
/// <remarks>
/// Lifecycle hooks run on every cycle, in this order: connected (transport open), joined (session
/// welcomed), ready (declarations re-established), then left and disconnected when it ends.
/// Calls and publications wait for the next ready session (bounded by their cancellation token);
/// a call in flight when the connection drops fails with <see cref="ClientErrors.ConnectionLost"/>.
/// </remarks>
public sealed partial class LiveClient : IAsyncDisposable
{
    private readonly LiveClientOptions _options;
    private readonly IReadOnlyList<IWampConnector> _connectors;
    private readonly WampSessionOptions _sessionOptions;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<Declaration> _declarations = [];
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource<WampSession> _ready = NewReady();
    private WampSession? _session;
    private Task? _run;
    private int _connectorIndex;
    private int _disposed;

    /// <summary>Creates a client; nothing connects until <see cref="StartAsync"/>.</summary>
    /// <param name="options">Where and how to connect; validated here.</param>
    /// <param name="loggerFactory">Where to log.</param>
    /// <param name="connectors">Connectors to use instead of <see cref="LiveClientOptions.Urls"/> (e.g. an in-process one).</param>
    public LiveClient(LiveClientOptions options, ILoggerFactory? loggerFactory = null, IEnumerable<IWampConnector>? connectors = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        var urls = options.Urls.Count > 0 ? options.Urls : [LiveClientOptions.DefaultUrl];
        _connectors = connectors?.ToList() is { Count: > 0 } given ? given : [.. urls.Select(url => WampConnectors.FromUrl(url, options.Serializer))];
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger("LiveStack.Client");
        _sessionOptions = new WampSessionOptions
        {
            Realm = options.Realm,
            Authentication = options.ResolveAuthentication(),
            JsonOptions = options.JsonOptions,
            DetailedErrors = options.DetailedErrors,
            HandshakeTimeout = options.HandshakeTimeout,
            LoggerFactory = loggerFactory,
        };
    }

    /// <summary>The ready session, or null while (re)connecting.</summary>
    public WampSession? Session => Volatile.Read(ref _session);

    /// <summary>True while a session is ready.</summary>
    public bool IsReady => Session is { IsOpen: true };

    /// <summary>The options the client runs with.</summary>
    public LiveClientOptions Options => _options;

    /// <summary>
    /// Starts connecting in the background and returns at once; await <see cref="WhenReadyAsync"/>
    /// to wait for the first session. Starting a started client does nothing.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            EnsureRunning();
        }

        return Task.CompletedTask;
    }

    /// <summary>When true, the first call, publication or <see cref="WhenReadyAsync"/> starts the client (used for the server's in-process session).</summary>
    internal bool StartOnFirstUse { get; init; }

    /// <summary>Waits until a session is ready (joined, declarations in place) and returns it.</summary>
    /// <exception cref="WampException">The client was stopped or gave up reconnecting (<see cref="ClientErrors.ClientStopped"/>).</exception>
    public Task<WampSession> WhenReadyAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_session is { IsOpen: true } session)
            {
                return Task.FromResult(session);
            }

            if (StartOnFirstUse)
            {
                EnsureRunning();
            }

            // The session has just ended and the connect loop has not noticed yet: wait for the next one.
            if (_ready.Task is { IsCompletedSuccessfully: true, Result.IsOpen: false })
            {
                _ready = NewReady();
            }

            return _ready.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Leaves the realm with GOODBYE and stops reconnecting.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        Task? run;
        lock (_gate)
        {
            run = _run;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (run is not null)
        {
            await run.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        FailWaiters();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private void EnsureRunning()
    {
        if (_run is null && !_stop.IsCancellationRequested)
        {
            _run = Task.Run(RunAsync, CancellationToken.None);
        }
    }

    private async Task RunAsync()
    {
        var failures = 0;
        while (!_stop.IsCancellationRequested)
        {
            var connector = _connectors[_connectorIndex++ % _connectors.Count];
            WampSession session;
            try
            {
                var connection = await connector.ConnectAsync(_stop.Token).ConfigureAwait(false);
                await RunHooksAsync("connected", _connected, connector.Description).ConfigureAwait(false);
                session = await WampSession.JoinAsync(connection, _sessionOptions, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                failures++;
                if (!_options.Reconnect.Enabled || failures >= _options.Reconnect.MaxAttempts)
                {
                    ClientLog.GaveUp(_logger, connector.Description, failures, e);
                    break;
                }

                var delay = _options.Reconnect.DelayFor(failures - 1);
                ClientLog.ConnectFailed(_logger, connector.Description, e.Message, delay);
                if (!await DelayAsync(delay).ConfigureAwait(false))
                {
                    break;
                }

                continue;
            }

            failures = 0;
            var end = await RunSessionAsync(session).ConfigureAwait(false);
            if (end.Requested || _stop.IsCancellationRequested || !_options.Reconnect.Enabled)
            {
                break;
            }

            var retry = _options.Reconnect.DelayFor(0);
            ClientLog.Reconnecting(_logger, end.Reason, retry);
            if (!await DelayAsync(retry).ConfigureAwait(false))
            {
                break;
            }
        }

        FailWaiters();
    }

    /// <summary>One session from joined to ended: restore declarations, announce ready, wait for the end.</summary>
    private async Task<WampSessionEnd> RunSessionAsync(WampSession session)
    {
        await RunHooksAsync("joined", _joined, session).ConfigureAwait(false);
        await RestoreDeclarationsAsync(session).ConfigureAwait(false);
        await RunHooksAsync("ready", _readyHooks, session).ConfigureAwait(false);
        WampSessionEnd end;
        try
        {
            end = await session.Completion.WaitAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await session.LeaveAsync().ConfigureAwait(false);
            end = await session.Completion.ConfigureAwait(false);
        }

        lock (_gate)
        {
            _session = null;
            if (_ready.Task.IsCompleted)
            {
                _ready = NewReady();
            }
        }

        await RunHooksAsync("left", _left, end).ConfigureAwait(false);
        await RunHooksAsync("disconnected", _disconnected, end).ConfigureAwait(false);
        return end;
    }

    private async Task<bool> DelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _stop.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void FailWaiters()
    {
        lock (_gate)
        {
            _ready.TrySetException(new WampException(ClientErrors.ClientStopped, "The client is stopped."));
        }
    }

    private static TaskCompletionSource<WampSession> NewReady()
    {
        var ready = new TaskCompletionSource<WampSession>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Nobody may be waiting when the client stops; that is not an unobserved fault.
        _ = ready.Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return ready;
    }
}
