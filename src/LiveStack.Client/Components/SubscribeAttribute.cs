namespace LiveStack.Client;

/// <summary>Marks a component method as the handler of a topic's events.</summary>
/// <param name="topic">The topic URI (or pattern, with <see cref="MatchPolicy"/>).</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class SubscribeAttribute(string topic) : Attribute
{
    /// <summary>The topic URI.</summary>
    public string Topic { get; } = topic;

    /// <summary>How the URI matches. Default: exact.</summary>
    public MatchPolicy MatchPolicy { get; set; }

    internal SubscribeOptions ToOptions() => new() { Match = MatchPolicy };
}
