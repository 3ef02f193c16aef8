using LiveStack.Wamp.Messages;

namespace LiveStack.Client;

/// <summary>One call of a registered procedure, as its handler sees it.</summary>
public sealed class WampInvocation : WampPayload
{
    private readonly WampSession? _session;
    private readonly Func<WampResult, CancellationToken, ValueTask>? _progressSink;

    internal WampInvocation(WampSession session, InvocationMessage message, string registeredProcedure)
        : this(progressSink: null, message, registeredProcedure)
    {
        _session = session;
    }

    // Without a session: progressive parts go to progressSink (tests and in-process callers).
    internal WampInvocation(Func<WampResult, CancellationToken, ValueTask>? progressSink, InvocationMessage message, string registeredProcedure)
        : base(message.Arguments, message.ArgumentsKeywords)
    {
        _progressSink = progressSink;
        Details = message.Details;
        RequestId = message.Request;
        RegistrationId = message.Registration;
        Procedure = message.Details.TryGetValue("procedure", out var procedure) && procedure is string concrete ? concrete : registeredProcedure;
    }

    /// <summary>The procedure called (for pattern registrations, the concrete URI).</summary>
    public string Procedure { get; }

    /// <summary>The registration that received the call.</summary>
    public long RegistrationId { get; }

    /// <summary>The INVOCATION request id.</summary>
    public long RequestId { get; }

    /// <summary>The caller's session id, when disclosed.</summary>
    public long? Caller => Details.TryGetValue("caller", out var value) && value is long id ? id : null;

    /// <summary>The caller's authid, when disclosed.</summary>
    public string? CallerAuthId => Details.TryGetValue("caller_authid", out var value) ? value as string : null;

    /// <summary>The caller's authrole, when disclosed.</summary>
    public string? CallerAuthRole => Details.TryGetValue("caller_authrole", out var value) ? value as string : null;

    /// <summary>True when the caller asked for progressive results.</summary>
    public bool ReceiveProgress => Details.TryGetValue("receive_progress", out var value) && value is true;

    /// <summary>The INVOCATION details, as the router sent them.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }

    /// <summary>
    /// Sends one progressive part of the result. Does nothing when the caller did not ask for
    /// progressive results (<see cref="ReceiveProgress"/> is false), as the protocol requires.
    /// </summary>
    public ValueTask ProgressAsync(WampResult part, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (!ReceiveProgress)
        {
            return ValueTask.CompletedTask;
        }

        return _session is not null
            ? _session.SendProgressAsync(RequestId, part, cancellationToken)
            : _progressSink?.Invoke(part, cancellationToken) ?? ValueTask.CompletedTask;
    }
}
