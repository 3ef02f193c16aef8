namespace LiveStack.Wamp.Messages;

/// <summary><c>[SUBSCRIBED, SUBSCRIBE.Request|id, Subscription|id]</c></summary>
public sealed record SubscribedMessage(long Request, long Subscription) : WampMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Subscribed;
}
