using System.Reflection;
using System.Text.Json;
using LiveStack.Wamp;

namespace LiveStack.Client.Binding;

/// <summary>
/// Binds one handler parameter to the payload: the positional argument at its position, else the
/// keyword argument with its name (exact, case-insensitive, snake_case), else its default value,
/// else null when it is nullable; otherwise the call fails with <c>wamp.error.invalid_argument</c>.
/// </summary>
internal sealed class PayloadArgument
{
    private readonly string _uri;
    private readonly int _position;
    private readonly string _name;
    private readonly string? _snakeName;
    private readonly Type _type;
    private readonly string _typeName;
    private readonly JsonSerializerOptions _jsonOptions;
    private readonly bool _hasDefault;
    private readonly object? _defaultValue;
    private readonly bool _nullWhenMissing;
    private readonly bool _acceptsNull;

    /// <param name="parameter">The handler parameter.</param>
    /// <param name="position">Its index among the handler's payload parameters.</param>
    /// <param name="takesAllKeywords">True when it may bind the whole keyword arguments (a lone complex object).</param>
    /// <param name="nullability">Its nullability, read once at bind time.</param>
    /// <param name="uri">The procedure or topic, for error messages.</param>
    /// <param name="jsonOptions">The conversion options.</param>
    public PayloadArgument(ParameterInfo parameter, int position, bool takesAllKeywords, NullabilityInfo nullability, string uri, JsonSerializerOptions jsonOptions)
    {
        _uri = uri;
        _position = position;
        _name = parameter.Name ?? $"arg{position}";
        var snakeName = JsonNamingPolicy.SnakeCaseLower.ConvertName(_name);
        _snakeName = snakeName == _name ? null : snakeName;
        _type = parameter.ParameterType;
        _typeName = TypeNames.Describe(_type);
        _jsonOptions = jsonOptions;
        TakesAllKeywords = takesAllKeywords;
        _hasDefault = parameter.HasDefaultValue || parameter.IsOptional;
        _defaultValue = DefaultValue(parameter, _type);

        var isNullableValue = Nullable.GetUnderlyingType(_type) is not null;
        _nullWhenMissing = isNullableValue || (!_type.IsValueType && nullability.ReadState == NullabilityState.Nullable);
        _acceptsNull = isNullableValue || (!_type.IsValueType && nullability.ReadState != NullabilityState.NotNull);
    }

    /// <summary>True when this parameter binds the whole keyword arguments if nothing else matches.</summary>
    public bool TakesAllKeywords { get; }

    /// <summary>Finds and converts this parameter's value in <paramref name="payload"/>.</summary>
    /// <exception cref="WampException"><c>wamp.error.invalid_argument</c>: missing or not convertible.</exception>
    public object? Bind(WampPayload payload)
    {
        if (!TryFind(payload, out var value))
        {
            return _hasDefault ? _defaultValue
                : _nullWhenMissing ? null
                : throw new WampException(WampErrors.InvalidArgument, $"{_uri}: missing argument '{_name}'");
        }

        if (value is null && !_type.IsValueType)
        {
            return _acceptsNull ? null
                : _hasDefault ? _defaultValue
                : throw Invalid("null is not allowed", null);
        }

        try
        {
            return WampConvert.FromWamp(value, _type, _jsonOptions);
        }
        catch (JsonException e)
        {
            throw Invalid(e.Message, e);
        }
    }

    private static object? DefaultValue(ParameterInfo parameter, Type type)
    {
        if (!parameter.HasDefaultValue || parameter.DefaultValue is null)
        {
            return PayloadTypes.DefaultOf(type);
        }

        // Enum defaults can come back as their underlying integer.
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        var value = parameter.DefaultValue;
        return enumType.IsEnum && value.GetType() != enumType ? Enum.ToObject(enumType, value) : value;
    }

    private bool TryFind(WampPayload payload, out object? value)
    {
        if (_position < payload.Arguments.Count)
        {
            value = payload.Arguments[_position];
            return true;
        }

        var keywords = payload.ArgumentsKeywords;
        if (keywords.Count > 0)
        {
            if (keywords.TryGetValue(_name, out value))
            {
                return true;
            }

            foreach (var (key, item) in keywords)
            {
                if (string.Equals(key, _name, StringComparison.OrdinalIgnoreCase))
                {
                    value = item;
                    return true;
                }
            }

            if (_snakeName is not null && keywords.TryGetValue(_snakeName, out value))
            {
                return true;
            }

            if (TakesAllKeywords && payload.Arguments.Count == 0)
            {
                value = keywords;
                return true;
            }
        }

        value = null;
        return false;
    }

    private WampException Invalid(string reason, Exception? inner) =>
        new(WampErrors.InvalidArgument, [$"{_uri}: argument '{_name}' must be {_typeName} ({reason})"], null, inner);
}
