namespace LiveStack.Wamp.Messages;

/// <summary><c>[UNREGISTER, Request|id, REGISTERED.Registration|id]</c></summary>
public sealed record UnregisterMessage(long Request, long Registration) : WampMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Unregister;
}
