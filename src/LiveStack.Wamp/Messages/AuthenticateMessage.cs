namespace LiveStack.Wamp.Messages;

/// <summary><c>[AUTHENTICATE, Signature|string, Extra|dict]</c></summary>
public sealed record AuthenticateMessage(string Signature, IReadOnlyDictionary<string, object?> Extra) : WampMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Authenticate;
}
