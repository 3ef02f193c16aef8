namespace LiveStack.Wamp.Messages;

/// <summary><c>[YIELD, INVOCATION.Request|id, Options|dict, Arguments?|list, ArgumentsKw?|dict]</c></summary>
public sealed record YieldMessage(long Request, IReadOnlyDictionary<string, object?> Options, IReadOnlyList<object?>? Arguments = null, IReadOnlyDictionary<string, object?>? ArgumentsKeywords = null) : WampMessage, IPayloadMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Yield;
}
