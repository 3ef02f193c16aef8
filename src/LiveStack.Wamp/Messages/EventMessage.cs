namespace LiveStack.Wamp.Messages;

/// <summary><c>[EVENT, SUBSCRIBED.Subscription|id, PUBLISHED.Publication|id, Details|dict, Arguments?|list, ArgumentsKw?|dict]</c></summary>
public sealed record EventMessage(long Subscription, long Publication, IReadOnlyDictionary<string, object?> Details, IReadOnlyList<object?>? Arguments = null, IReadOnlyDictionary<string, object?>? ArgumentsKeywords = null) : WampMessage, IPayloadMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Event;
}
