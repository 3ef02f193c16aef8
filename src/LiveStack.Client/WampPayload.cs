using System.Text.Json;

namespace LiveStack.Client;

/// <summary>
/// Positional and keyword arguments as they travel (values of the neutral tree), with typed
/// accessors that convert through System.Text.Json.
/// </summary>
public abstract class WampPayload
{
    private protected WampPayload(IReadOnlyList<object?>? arguments, IReadOnlyDictionary<string, object?>? argumentsKeywords)
    {
        Arguments = arguments ?? [];
        ArgumentsKeywords = argumentsKeywords ?? WampException.EmptyDictionary;
    }

    /// <summary>The positional arguments (never null).</summary>
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>The keyword arguments (never null).</summary>
    public IReadOnlyDictionary<string, object?> ArgumentsKeywords { get; }

    /// <summary>Converts the positional argument at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no argument at that index.</exception>
    public T? Argument<T>(int index, JsonSerializerOptions? options = null) =>
        WampConvert.FromWamp<T>(Arguments[index], options);

    /// <summary>Converts the keyword argument <paramref name="name"/>, or returns default when it is absent.</summary>
    public T? Keyword<T>(string name, JsonSerializerOptions? options = null) =>
        ArgumentsKeywords.TryGetValue(name, out var value) ? WampConvert.FromWamp<T>(value, options) : default;

    /// <summary>
    /// Converts the payload as one value: the single positional argument; several positional
    /// arguments as an array; keyword arguments alone as an object; nothing as default.
    /// </summary>
    public T? As<T>(JsonSerializerOptions? options = null) => Arguments.Count switch
    {
        1 => WampConvert.FromWamp<T>(Arguments[0], options),
        > 1 => WampConvert.FromWamp<T>(Arguments, options),
        _ when ArgumentsKeywords.Count > 0 => WampConvert.FromWamp<T>(ArgumentsKeywords, options),
        _ => default,
    };
}
