namespace LiveStack.Client;

/// <summary>The result of a call (or one progressive part of it), or what a procedure handler returns.</summary>
public sealed class WampResult : WampPayload
{
    /// <summary>Creates a result with a payload of neutral values (see <see cref="WampConvert.ToWamp"/> for CLR values).</summary>
    public WampResult(IReadOnlyList<object?>? arguments = null, IReadOnlyDictionary<string, object?>? argumentsKeywords = null, IReadOnlyDictionary<string, object?>? details = null)
        : base(arguments, argumentsKeywords)
    {
        Details = details ?? WampException.EmptyDictionary;
    }

    /// <summary>An empty result.</summary>
    public static WampResult Empty { get; } = new();

    /// <summary>The RESULT details, as the router sent them.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }

    /// <summary>True for a progressive part of a result; the final result has it false.</summary>
    public bool IsProgress => Details.TryGetValue("progress", out var progress) && progress is true;

    /// <summary>A result carrying one value, converted to the neutral tree.</summary>
    public static WampResult Of(object? value) => new([WampConvert.ToWamp(value)]);
}
