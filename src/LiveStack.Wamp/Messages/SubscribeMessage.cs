namespace LiveStack.Wamp.Messages;

/// <summary><c>[SUBSCRIBE, Request|id, Options|dict, Topic|uri]</c></summary>
public sealed record SubscribeMessage(long Request, IReadOnlyDictionary<string, object?> Options, string Topic) : WampMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Subscribe;
}
