namespace LiveStack.Wamp.Messages;

/// <summary><c>[REGISTER, Request|id, Options|dict, Procedure|uri]</c></summary>
public sealed record RegisterMessage(long Request, IReadOnlyDictionary<string, object?> Options, string Procedure) : WampMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Register;
}
