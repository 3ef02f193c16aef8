namespace LiveStack.Wamp.Messages;

/// <summary><c>[WELCOME, Session|id, Details|dict]</c></summary>
public sealed record WelcomeMessage(long Session, IReadOnlyDictionary<string, object?> Details) : WampMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Welcome;
}
