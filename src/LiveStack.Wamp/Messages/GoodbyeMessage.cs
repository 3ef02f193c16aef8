namespace LiveStack.Wamp.Messages;

/// <summary><c>[GOODBYE, Details|dict, Reason|uri]</c></summary>
public sealed record GoodbyeMessage(IReadOnlyDictionary<string, object?> Details, string Reason) : WampMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Goodbye;
}
