namespace LiveStack.Wamp.Messages;

/// <summary><c>[INTERRUPT, INVOCATION.Request|id, Options|dict]</c></summary>
public sealed record InterruptMessage(long Request, IReadOnlyDictionary<string, object?> Options) : WampMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Interrupt;
}
