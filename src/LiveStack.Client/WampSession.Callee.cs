using System.Collections.Concurrent;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;

namespace LiveStack.Client;

public sealed partial class WampSession
{
    private readonly ConcurrentDictionary<long, RegistrationState> _registrations = new();
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _invocations = new();

    /// <summary>
    /// Registers <paramref name="handler"/> as a procedure. Each call runs as its own task; the
    /// handler's cancellation token fires when the caller cancels or the session ends. A
    /// <see cref="WampException"/> thrown by the handler is sent to the caller as is; any other
    /// exception is logged and sent as <c>wamp.error.runtime_error</c>.
    /// </summary>
    /// <exception cref="WampException">The router refused the registration (e.g. <c>wamp.error.procedure_already_exists</c>).</exception>
    public async Task<WampRegistration> RegisterAsync(string procedure, Func<WampInvocation, CancellationToken, ValueTask<WampResult>> handler, RegisterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(procedure);
        ArgumentNullException.ThrowIfNull(handler);
        options ??= new RegisterOptions();
        var registerOptions = RegisterOptionsDictionary(options);
        WampRegistration? registration = null;
        await RequestAsync(requestId => new RegisterMessage(requestId, registerOptions, procedure), cancellationToken, reply =>
        {
            // Runs on the receive loop, so no INVOCATION can be read before the handler is in place.
            var id = ((RegisteredMessage)reply).Registration;
            _registrations[id] = new RegistrationState(procedure, handler);
            registration = new WampRegistration(this, id, procedure);
        }).ConfigureAwait(false);
        return registration!;
    }

    internal async Task UnregisterAsync(WampRegistration registration, CancellationToken cancellationToken)
    {
        if (_registrations.TryRemove(registration.Id, out _) && IsOpen)
        {
            await RequestAsync(requestId => new UnregisterMessage(requestId, registration.Id), cancellationToken).ConfigureAwait(false);
        }
    }

    internal ValueTask SendProgressAsync(long invocationId, WampResult part, CancellationToken cancellationToken) =>
        SendAsync(new YieldMessage(invocationId, ProgressOptions, NullIfEmpty(part.Arguments), NullIfEmpty(part.ArgumentsKeywords)), cancellationToken);

    private static IReadOnlyDictionary<string, object?> ProgressOptions { get; } = new Dictionary<string, object?>(StringComparer.Ordinal) { ["progress"] = true };

    private void StartInvocation(InvocationMessage message)
    {
        if (!_registrations.TryGetValue(message.Registration, out var registration))
        {
            // Unregistered locally while the call was on its way.
            _ = TrySendAsync(new ErrorMessage(MessageCode.Invocation, message.Request, NoOptions, WampErrors.NoSuchRegistration));
            return;
        }

        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        _invocations[message.Request] = cancellation;
        _ = RunInvocationAsync(registration, message, cancellation);
    }

    private async Task RunInvocationAsync(RegistrationState registration, InvocationMessage message, CancellationTokenSource cancellation)
    {
        // Off the receive loop before any user code runs.
        await Task.Yield();
        WampMessage reply;
        try
        {
            var result = await registration.Handler(new WampInvocation(this, message, registration.Procedure), cancellation.Token).ConfigureAwait(false);
            reply = new YieldMessage(message.Request, NoOptions, NullIfEmpty(result.Arguments), NullIfEmpty(result.ArgumentsKeywords));
        }
        catch (WampException e)
        {
            reply = new ErrorMessage(MessageCode.Invocation, message.Request, NoOptions, e.Uri, NullIfEmpty(e.Arguments), NullIfEmpty(e.ArgumentsKeywords));
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            reply = new ErrorMessage(MessageCode.Invocation, message.Request, NoOptions, WampErrors.Canceled, ["The call was canceled."]);
        }
        catch (Exception e)
        {
            ClientLog.ProcedureHandlerFailed(_logger, registration.Procedure, e);
            var text = Options.DetailedErrors ? $"{e.GetType().Name}: {e.Message}" : $"The procedure {registration.Procedure} failed; see the callee's log.";
            reply = new ErrorMessage(MessageCode.Invocation, message.Request, NoOptions, ClientErrors.RuntimeError, [text]);
        }
        finally
        {
            _invocations.TryRemove(message.Request, out _);
            cancellation.Dispose();
        }

        if (IsOpen)
        {
            await TrySendAsync(reply).ConfigureAwait(false);
        }
    }

    private void Interrupt(InterruptMessage message)
    {
        if (_invocations.TryGetValue(message.Request, out var cancellation))
        {
            _ = CancelInvocationAsync(cancellation);
        }
    }

    // The token's callbacks (and the handler continuations they resume) are user code: CancelAsync
    // runs them off the receive loop, and one that throws becomes a log line instead of ending the loop.
    private async Task CancelInvocationAsync(CancellationTokenSource cancellation)
    {
        try
        {
            await cancellation.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The invocation finished while the INTERRUPT was on its way.
        }
        catch (AggregateException e)
        {
            ClientLog.HookFailed(_logger, "invocation cancellation callback", e);
        }
    }

    private static Dictionary<string, object?> RegisterOptionsDictionary(RegisterOptions options)
    {
        var dictionary = MatchOptions(options.Match);
        if (options.Invoke != InvocationPolicy.Single)
        {
            dictionary["invoke"] = options.Invoke switch
            {
                InvocationPolicy.RoundRobin => "roundrobin",
                InvocationPolicy.Random => "random",
                InvocationPolicy.First => "first",
                _ => "last",
            };
        }

        if (options.DiscloseCaller)
        {
            dictionary["disclose_caller"] = true;
        }

        return dictionary;
    }

    private static IReadOnlyList<object?>? NullIfEmpty(IReadOnlyList<object?> list) => list.Count == 0 ? null : list;

    private static IReadOnlyDictionary<string, object?>? NullIfEmpty(IReadOnlyDictionary<string, object?> dictionary) => dictionary.Count == 0 ? null : dictionary;

    private sealed record RegistrationState(string Procedure, Func<WampInvocation, CancellationToken, ValueTask<WampResult>> Handler);
}
