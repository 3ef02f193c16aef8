namespace LiveStack.Wamp.Messages;

/// <summary><c>[RESULT, CALL.Request|id, Details|dict, Arguments?|list, ArgumentsKw?|dict]</c></summary>
public sealed record ResultMessage(long Request, IReadOnlyDictionary<string, object?> Details, IReadOnlyList<object?>? Arguments = null, IReadOnlyDictionary<string, object?>? ArgumentsKeywords = null) : WampMessage, IPayloadMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Result;
}
