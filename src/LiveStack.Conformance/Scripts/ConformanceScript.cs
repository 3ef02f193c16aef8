using LiveStack.Wamp.Serialization;

namespace LiveStack.Conformance.Scripts;

/// <summary>A parsed conformance script: sessions and an ordered sequence of steps (see scripts/README.md).</summary>
public sealed class ConformanceScript
{
    internal ConformanceScript(
        string name,
        string description,
        string? feature,
        IReadOnlyList<string> notes,
        IReadOnlyList<WampSerializer>? serializers,
        IReadOnlyList<ScriptSession> sessions,
        IReadOnlyList<ScriptStep> steps)
    {
        Name = name;
        Description = description;
        Feature = feature;
        Notes = notes;
        Serializers = serializers;
        Sessions = sessions;
        Steps = steps;
    }

    /// <summary>The script's path below the scripts folder, without extension, e.g. <c>pubsub/exclude_me_false</c>.</summary>
    public string Name { get; }

    /// <summary>What the script checks.</summary>
    public string Description { get; }

    /// <summary>The feature under test, e.g. <c>advanced.pubsub.publisher_exclusion</c>.</summary>
    public string? Feature { get; }

    /// <summary>Free-form notes, such as where the spec leaves a choice open.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The serializers the script is meant for; null means all.</summary>
    internal IReadOnlyList<WampSerializer>? Serializers { get; }

    internal IReadOnlyList<ScriptSession> Sessions { get; }

    internal IReadOnlyList<ScriptStep> Steps { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
