namespace LiveStack.Wamp.Messages;

/// <summary><c>[ERROR, REQUEST.Type|int, REQUEST.Request|id, Details|dict, Error|uri, Arguments?|list, ArgumentsKw?|dict]</c></summary>
public sealed record ErrorMessage(MessageCode RequestType, long Request, IReadOnlyDictionary<string, object?> Details, string Error, IReadOnlyList<object?>? Arguments = null, IReadOnlyDictionary<string, object?>? ArgumentsKeywords = null) : WampMessage, IPayloadMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Error;
}
