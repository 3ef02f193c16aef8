namespace LiveStack.Wamp.Messages;

/// <summary>
/// <c>[UNSUBSCRIBED, Request|id]</c>, or the revocation form <c>[UNSUBSCRIBED, 0, Details|dict]</c>
/// that the router sends unprompted when it takes a subscription away.
/// </summary>
public sealed record UnsubscribedMessage(long Request, IReadOnlyDictionary<string, object?>? Details = null) : WampMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Unsubscribed;
}
