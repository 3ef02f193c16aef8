namespace LiveStack.Wamp.Messages;

/// <summary>
/// A WAMP v2 message. Every concrete message is an immutable record whose positional
/// parameters follow the wire layout; dictionaries hold options and details with the keys
/// exactly as they travel, so unknown keys pass through untouched.
/// </summary>
public abstract record WampMessage
{
    /// <summary>The message type code.</summary>
    public abstract MessageCode Code { get; }
}

/// <summary>A message that may carry an application payload (positional and keyword arguments).</summary>
public interface IPayloadMessage
{
    /// <summary>Positional arguments, or null when absent.</summary>
    IReadOnlyList<object?>? Arguments { get; }

    /// <summary>Keyword arguments, or null when absent.</summary>
    IReadOnlyDictionary<string, object?>? ArgumentsKeywords { get; }
}
