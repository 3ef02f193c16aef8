namespace LiveStack.Wamp.Messages;

/// <summary><c>[CALL, Request|id, Options|dict, Procedure|uri, Arguments?|list, ArgumentsKw?|dict]</c></summary>
public sealed record CallMessage(long Request, IReadOnlyDictionary<string, object?> Options, string Procedure, IReadOnlyList<object?>? Arguments = null, IReadOnlyDictionary<string, object?>? ArgumentsKeywords = null) : WampMessage, IPayloadMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Call;
}
