namespace LiveStack.Wamp.Messages;

/// <summary><c>[UNSUBSCRIBE, Request|id, SUBSCRIBED.Subscription|id]</c></summary>
public sealed record UnsubscribeMessage(long Request, long Subscription) : WampMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Unsubscribe;
}
