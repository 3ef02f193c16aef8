namespace LiveStack.Wamp.Messages;

/// <summary><c>[HELLO, Realm|uri, Details|dict]</c></summary>
public sealed record HelloMessage(string Realm, IReadOnlyDictionary<string, object?> Details) : WampMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Hello;
}
