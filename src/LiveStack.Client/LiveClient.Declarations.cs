namespace LiveStack.Client;

public sealed partial class LiveClient
{
    /// <summary>
    /// Declares a subscription that lives as long as the client: it is made on every session,
    /// including the current one when the client is already ready.
    /// </summary>
    public void Subscribe(string topic, Func<WampEvent, CancellationToken, ValueTask> handler, SubscribeOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(handler);
        Declare(new Declaration("subscription", topic, session => session.SubscribeAsync(topic, handler, options, session.Stopping)));
    }

    /// <summary>
    /// Declares a procedure that lives as long as the client: it is registered on every session,
    /// including the current one when the client is already ready.
    /// </summary>
    public void Register(string procedure, Func<WampInvocation, CancellationToken, ValueTask<WampResult>> handler, RegisterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(procedure);
        ArgumentNullException.ThrowIfNull(handler);
        Declare(new Declaration("registration", procedure, session => session.RegisterAsync(procedure, handler, options, session.Stopping)));
    }

    private void Declare(Declaration declaration)
    {
        WampSession? current;
        lock (_gate)
        {
            _declarations.Add(declaration);
            current = _session;
        }

        if (current is { IsOpen: true })
        {
            _ = ApplyAsync(current, declaration);
        }
    }

    // Re-establishes every declaration on a new session, then makes it the ready session. A declaration
    // made meanwhile is applied here too: Declare only applies to a session that is already ready.
    private async Task RestoreDeclarationsAsync(WampSession session)
    {
        var restored = 0;
        while (true)
        {
            Declaration[] declarations;
            lock (_gate)
            {
                if (restored == _declarations.Count)
                {
                    _session = session;
                    _ready.TrySetResult(session);
                    return;
                }

                declarations = [.. _declarations.Skip(restored)];
            }

            foreach (var declaration in declarations)
            {
                await ApplyAsync(session, declaration).ConfigureAwait(false);
            }

            restored += declarations.Length;
        }
    }

    // A declaration the router refuses (e.g. procedure_already_exists, not_authorized) is logged and
    // the session carries on: the rest of the app keeps working, and the next session tries again.
    private async Task ApplyAsync(WampSession session, Declaration declaration)
    {
        try
        {
            await declaration.Apply(session).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WampException or OperationCanceledException)
        {
            if (session.IsOpen)
            {
                ClientLog.RestoreFailed(_logger, declaration.Kind, declaration.Uri, e);
            }
        }
    }

    private sealed record Declaration(string Kind, string Uri, Func<WampSession, Task> Apply);
}
