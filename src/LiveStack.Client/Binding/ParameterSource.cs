namespace LiveStack.Client.Binding;

/// <summary>Where a handler parameter gets its value from, decided once at bind time.</summary>
internal enum ParameterSource
{
    /// <summary>The cancellation token the session passes in.</summary>
    CancellationToken,

    /// <summary>The current <see cref="WampInvocation"/> or <see cref="WampEvent"/>.</summary>
    Context,

    /// <summary>A service resolved from the per-call scope.</summary>
    Service,

    /// <summary>A keyed service (<c>[FromKeyedServices]</c>) resolved from the per-call scope.</summary>
    KeyedService,

    /// <summary>A positional or keyword argument of the payload.</summary>
    Payload,
}
