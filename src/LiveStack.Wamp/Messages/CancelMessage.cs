namespace LiveStack.Wamp.Messages;

/// <summary><c>[CANCEL, CALL.Request|id, Options|dict]</c></summary>
public sealed record CancelMessage(long Request, IReadOnlyDictionary<string, object?> Options) : WampMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Cancel;
}
