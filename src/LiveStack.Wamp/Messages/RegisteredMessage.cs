namespace LiveStack.Wamp.Messages;

/// <summary><c>[REGISTERED, REGISTER.Request|id, Registration|id]</c></summary>
public sealed record RegisteredMessage(long Request, long Registration) : WampMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Registered;
}
