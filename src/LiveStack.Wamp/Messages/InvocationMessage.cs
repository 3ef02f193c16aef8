namespace LiveStack.Wamp.Messages;

/// <summary><c>[INVOCATION, Request|id, REGISTERED.Registration|id, Details|dict, Arguments?|list, ArgumentsKw?|dict]</c></summary>
public sealed record InvocationMessage(long Request, long Registration, IReadOnlyDictionary<string, object?> Details, IReadOnlyList<object?>? Arguments = null, IReadOnlyDictionary<string, object?>? ArgumentsKeywords = null) : WampMessage, IPayloadMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Invocation;
}
