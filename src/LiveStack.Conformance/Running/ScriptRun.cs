using System.Net.WebSockets;
using LiveStack.Conformance.Matching;
using LiveStack.Conformance.Scripts;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Conformance.Running;

/// <summary>
/// One execution of one script: opens a connection per session, joins the sessions that join at
/// the start, plays the steps in order, checks that nothing unexpected is left over and leaves
/// with GOODBYE, so the next script finds the realm as this one found it.
/// </summary>
internal sealed class ScriptRun : IAsyncDisposable
{
    private static readonly TimeSpan TeardownTimeout = TimeSpan.FromSeconds(1);
    private readonly ConformanceScript _script;
    private readonly RunSettings _settings;
    private readonly IWampCodec _codec;
    private readonly Dictionary<string, PeerConnection> _peers = new(StringComparer.Ordinal);
    private readonly Bindings _bindings = new();
    private readonly Transcript _transcript = new();
    private readonly Expectations _expectations;

    public ScriptRun(ConformanceScript script, RunSettings settings)
    {
        _script = script;
        _settings = settings;
        _codec = WampCodecs.FromSerializer(settings.Serializer)
            ?? throw new ArgumentException($"Unsupported serializer {settings.Serializer}.", nameof(settings));
        _expectations = new Expectations(_bindings, settings.ReceiveTimeout);
    }

    public async Task<ScriptResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        string? failure = null;
        try
        {
            _bindings.Set("$realm", _settings.Realm);
            foreach (var session in _script.Sessions)
            {
                await ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            }

            foreach (var session in _script.Sessions.Where(s => s.JoinAtStart))
            {
                await JoinAsync(session, $"joining {session.Name} before the first step", cancellationToken).ConfigureAwait(false);
            }

            foreach (var step in _script.Steps)
            {
                await RunStepAsync(step, cancellationToken).ConfigureAwait(false);
            }

            CheckNoLeftovers();
        }
        catch (StepFailedException e)
        {
            failure = e.Message;
        }

        await LeaveAsync().ConfigureAwait(false);
        var outcome = failure is null ? ScriptOutcome.Passed : ScriptOutcome.Failed;
        return new ScriptResult(_script.Name, outcome, failure, _transcript.Lines, _transcript.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in _peers.Values)
        {
            await peer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ConnectAsync(ScriptSession session, CancellationToken cancellationToken)
    {
        try
        {
            _peers[session.Name] = await PeerConnection.ConnectAsync(
                _settings.RouterUrl, _codec, incoming => _transcript.Received(session.Name, incoming), _settings.ReceiveTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new StepFailedException($"could not open a WebSocket ({_codec.Subprotocol}) to {_settings.RouterUrl} for session {session.Name}: {e.Message}");
        }
    }

    private async Task RunStepAsync(ScriptStep step, CancellationToken cancellationToken)
    {
        if (step.Delay > TimeSpan.Zero)
        {
            await Task.Delay(step.Delay, cancellationToken).ConfigureAwait(false);
        }

        var peer = _peers[step.Session];
        switch (step.Kind)
        {
            case StepKind.Send:
                await SendFrameAsync(step, peer, Fill(step), cancellationToken).ConfigureAwait(false);
                break;
            case StepKind.SendRaw:
                _transcript.Sent(step.Session, $"raw bytes {Convert.ToHexString(step.Raw!)}");
                await SendBytesAsync(step, peer, step.Raw!, cancellationToken).ConfigureAwait(false);
                break;
            case StepKind.Join:
                await JoinAsync(_script.Sessions.First(s => s.Name == step.Session), step.Label, cancellationToken).ConfigureAwait(false);
                break;
            case StepKind.Disconnect:
                _transcript.Note($"{step.Session} drops its connection");
                peer.Drop();
                break;
            case StepKind.ReceiveNothing:
                await Expectations.NothingAsync(step, peer, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await _expectations.ReceiveAsync(step, peer, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private IReadOnlyList<object?> Fill(ScriptStep step)
    {
        try
        {
            return (IReadOnlyList<object?>)Template.Fill(step.Frame, _bindings)!;
        }
        catch (InvalidOperationException e)
        {
            throw new StepFailedException($"{step.Label}\n  script error: {e.Message}");
        }
    }

    /// <summary>Sends the runner's standard HELLO and binds <c>$session_NAME</c> (and authid, authrole) from WELCOME.</summary>
    private async Task JoinAsync(ScriptSession session, string label, CancellationToken cancellationToken)
    {
        var peer = _peers[session.Name];
        var step = new ScriptStep(0, StepKind.Send, session.Name, label);
        await SendFrameAsync(step, peer, Hello.For(session, session.Realm ?? _settings.Realm), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<object?> pattern = [2L, "$session_" + session.Name, new Dictionary<string, object?>()];
        var welcome = await _expectations.ReceiveFrameAsync(step, peer, pattern, _settings.ReceiveTimeout, cancellationToken).ConfigureAwait(false);
        if (welcome[2] is IReadOnlyDictionary<string, object?> details)
        {
            BindIfString(details, "authid", "$authid_" + session.Name);
            BindIfString(details, "authrole", "$authrole_" + session.Name);
        }
    }

    private void BindIfString(IReadOnlyDictionary<string, object?> details, string key, string placeholder)
    {
        if (details.TryGetValue(key, out var value) && value is string && !_bindings.TryGet(placeholder, out _))
        {
            _bindings.Set(placeholder, value);
        }
    }

    private async Task SendFrameAsync(ScriptStep step, PeerConnection peer, IReadOnlyList<object?> frame, CancellationToken cancellationToken)
    {
        _transcript.Sent(step.Session, JsonTree.Render(frame));
        peer.Observe(frame, sent: true);
        await SendBytesAsync(step, peer, FrameEncoder.Encode(frame, _settings.Serializer), cancellationToken).ConfigureAwait(false);
    }

    private async Task SendBytesAsync(ScriptStep step, PeerConnection peer, byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            await peer.SendAsync(bytes, _settings.ReceiveTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new StepFailedException($"{step.Label}\n  could not send: {e.Message}");
        }
    }

    private void CheckNoLeftovers()
    {
        foreach (var (name, peer) in _peers)
        {
            if (peer.TakeLeftover() is { } leftover)
            {
                throw new StepFailedException($"after the last step, {name} received a message no step expected: {leftover.Text}");
            }
        }
    }

    /// <summary>Says GOODBYE for every session still established and waits for the reply, so the router has cleaned up before the next script.</summary>
    private async Task LeaveAsync()
    {
        await Task.WhenAll(_peers.Where(p => p.Value.Established).Select(p => LeaveAsync(p.Key, p.Value))).ConfigureAwait(false);
    }

    private async Task LeaveAsync(string name, PeerConnection peer)
    {
        IReadOnlyList<object?> goodbye = [6L, new Dictionary<string, object?>(), "wamp.close.normal"];
        _transcript.Sent(name, JsonTree.Render(goodbye) + " (teardown)");
        try
        {
            await peer.SendAsync(FrameEncoder.Encode(goodbye, _settings.Serializer), TeardownTimeout, CancellationToken.None).ConfigureAwait(false);
            var deadline = DateTime.UtcNow + TeardownTimeout;
            while (DateTime.UtcNow < deadline)
            {
                var incoming = await peer.ReceiveAsync(deadline - DateTime.UtcNow, CancellationToken.None).ConfigureAwait(false);
                if (incoming is null or { IsClosed: true } || incoming.Frame?[0] is 6L)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Teardown is best effort; the run's verdict is already made.
        }
    }
}
