namespace LiveStack.Wamp.Messages;

/// <summary><c>[ABORT, Details|dict, Reason|uri, Arguments?|list, ArgumentsKw?|dict]</c></summary>
public sealed record AbortMessage(IReadOnlyDictionary<string, object?> Details, string Reason, IReadOnlyList<object?>? Arguments = null, IReadOnlyDictionary<string, object?>? ArgumentsKeywords = null) : WampMessage, IPayloadMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Abort;
}
