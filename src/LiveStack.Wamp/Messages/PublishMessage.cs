namespace LiveStack.Wamp.Messages;

/// <summary><c>[PUBLISH, Request|id, Options|dict, Topic|uri, Arguments?|list, ArgumentsKw?|dict]</c></summary>
public sealed record PublishMessage(long Request, IReadOnlyDictionary<string, object?> Options, string Topic, IReadOnlyList<object?>? Arguments = null, IReadOnlyDictionary<string, object?>? ArgumentsKeywords = null) : WampMessage, IPayloadMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Publish;
}
