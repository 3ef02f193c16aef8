namespace LiveStack.Wamp.Messages;

/// <summary>
/// <c>[UNREGISTERED, Request|id]</c>, or the revocation form <c>[UNREGISTERED, 0, Details|dict]</c>
/// that the router sends unprompted when it takes a registration away.
/// </summary>
public sealed record UnregisteredMessage(long Request, IReadOnlyDictionary<string, object?>? Details = null) : WampMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Unregistered;
}
