namespace LiveStack.Wamp.Messages;

/// <summary><c>[PUBLISHED, PUBLISH.Request|id, Publication|id]</c></summary>
public sealed record PublishedMessage(long Request, long Publication) : WampMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Published;
}
