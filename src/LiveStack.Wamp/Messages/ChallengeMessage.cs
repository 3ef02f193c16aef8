namespace LiveStack.Wamp.Messages;

/// <summary><c>[CHALLENGE, AuthMethod|string, Extra|dict]</c></summary>
public sealed record ChallengeMessage(string AuthMethod, IReadOnlyDictionary<string, object?> Extra) : WampMessage
{
    /// <inheritdoc />
    public override MessageCode Code => MessageCode.Challenge;
}
