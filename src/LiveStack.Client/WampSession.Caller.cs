using System.Runtime.CompilerServices;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;

namespace LiveStack.Client;

public sealed partial class WampSession
{
    /// <summary>
    /// Calls a procedure with positional and keyword arguments (values of the neutral tree).
    /// Canceling <paramref name="cancellationToken"/> sends CANCEL and throws
    /// <see cref="OperationCanceledException"/>; <see cref="CallOptions.Timeout"/> does the same but
    /// throws <see cref="WampException"/> with <c>wamp.error.timeout</c>.
    /// </summary>
    /// <exception cref="WampException">The call failed: the callee's or the router's error, or the session ended first.</exception>
    public async Task<WampResult> CallAsync(string procedure, IReadOnlyList<object?>? arguments = null, IReadOnlyDictionary<string, object?>? argumentsKeywords = null, CallOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(procedure);
        options ??= DefaultCallOptions;
        var callOptions = CallOptionsDictionary(options, progress: false);
        var pending = new PendingReply();
        var requestId = 0L; // stays 0 when the CALL never left
        using var timeout = StartTimeout(options, cancellationToken);
        var token = timeout?.Token ?? cancellationToken;
        try
        {
            requestId = await SendRequestAsync(id => new CallMessage(id, callOptions, procedure, arguments, argumentsKeywords), pending, token).ConfigureAwait(false);
            var reply = (ResultMessage)await pending.Task.WaitAsync(token).ConfigureAwait(false);
            return new WampResult(reply.Arguments, reply.ArgumentsKeywords, reply.Details);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            throw await CancelCallAsync(requestId, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(requestId, out _);
        }
    }

    /// <summary>Calls a procedure with CLR arguments and converts the result (see <see cref="WampPayload.As{T}"/>).</summary>
    public async Task<T?> CallAsync<T>(string procedure, params object?[] arguments)
    {
        var result = await CallAsync(procedure, WampConvert.ToWampList(arguments, Options.JsonOptions)).ConfigureAwait(false);
        return result.As<T>(Options.JsonOptions);
    }

    /// <summary>Calls a procedure with CLR arguments under a cancellation token and converts the result.</summary>
    public async Task<T?> CallAsync<T>(string procedure, IEnumerable<object?> arguments, CancellationToken cancellationToken)
    {
        var result = await CallAsync(procedure, WampConvert.ToWampList(arguments, Options.JsonOptions), cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.As<T>(Options.JsonOptions);
    }

    /// <summary>
    /// Calls a procedure asking for progressive results and yields each part as it arrives, the
    /// final result last (when it carries a payload). Stopping the enumeration early cancels the call.
    /// </summary>
    public async IAsyncEnumerable<WampResult> CallProgressiveAsync(string procedure, IReadOnlyList<object?>? arguments = null, IReadOnlyDictionary<string, object?>? argumentsKeywords = null, CallOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(procedure);
        options ??= DefaultCallOptions;
        var callOptions = CallOptionsDictionary(options, progress: true);
        var pending = new PendingProgressiveCall();
        var requestId = 0L; // stays 0 when the CALL never left
        using var timeout = StartTimeout(options, cancellationToken);
        var token = timeout?.Token ?? cancellationToken;
        var finished = false;
        try
        {
            requestId = await SendRequestAsync(id => new CallMessage(id, callOptions, procedure, arguments, argumentsKeywords), pending, token).ConfigureAwait(false);
            while (true)
            {
                WampResult part;
                try
                {
                    if (!await pending.Results.WaitToReadAsync(token).ConfigureAwait(false))
                    {
                        finished = true;
                        yield break;
                    }

                    part = await pending.Results.ReadAsync(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    throw await CancelCallAsync(requestId, options, cancellationToken).ConfigureAwait(false);
                }

                if (!part.IsProgress)
                {
                    finished = true;
                }
                else if (options.Timeout is { } restart)
                {
                    // Like the router's timer, the local one restarts at each progressive result.
                    timeout?.CancelAfter(restart);
                }

                if (part.IsProgress || part.Arguments.Count > 0 || part.ArgumentsKeywords.Count > 0)
                {
                    yield return part;
                }
            }
        }
        finally
        {
            if (_pending.TryRemove(requestId, out _) && !finished)
            {
                // The consumer stopped early: the callee need not go on producing.
                await TrySendAsync(new CancelMessage(requestId, CancelOptions(options))).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Calls a procedure with progressive results and converts each part (see <see cref="WampPayload.As{T}"/>).</summary>
    public async IAsyncEnumerable<T?> CallProgressiveAsync<T>(string procedure, IReadOnlyList<object?>? arguments = null, CallOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var wampArguments = arguments is null ? null : WampConvert.ToWampList(arguments, Options.JsonOptions);
        await foreach (var part in CallProgressiveAsync(procedure, wampArguments, null, options, cancellationToken).ConfigureAwait(false))
        {
            yield return part.As<T>(Options.JsonOptions);
        }
    }

    private static CallOptions DefaultCallOptions { get; } = new();

    private static CancellationTokenSource? StartTimeout(CallOptions options, CancellationToken cancellationToken)
    {
        if (options.Timeout is not { } timeout)
        {
            return null;
        }

        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        return source;
    }

    /// <summary>Tells the router the call is abandoned and returns what the caller should see: a timeout error or the cancellation.</summary>
    private async Task<Exception> CancelCallAsync(long requestId, CallOptions options, CancellationToken callerToken)
    {
        if (_pending.TryRemove(requestId, out _))
        {
            await TrySendAsync(new CancelMessage(requestId, CancelOptions(options))).ConfigureAwait(false);
        }

        return callerToken.IsCancellationRequested
            ? new OperationCanceledException(callerToken)
            : new WampException(WampErrors.Timeout, $"The call did not complete within {options.Timeout}.");
    }

    private static Dictionary<string, object?> CancelOptions(CallOptions options) =>
        new(StringComparer.Ordinal) { ["mode"] = options.CancelMode };

    private static Dictionary<string, object?> CallOptionsDictionary(CallOptions options, bool progress)
    {
        var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (progress)
        {
            dictionary["receive_progress"] = true;
        }

        if (options.Timeout is { } timeout)
        {
            // The router cancels the invocation at the callee too; the local timer above covers routers that do not.
            dictionary["timeout"] = (long)Math.Ceiling(timeout.TotalMilliseconds);
        }

        if (options.DiscloseMe)
        {
            dictionary["disclose_me"] = true;
        }

        return dictionary;
    }
}
