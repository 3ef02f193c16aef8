using System.Text.Json;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Client;

/// <summary>
/// Converts between CLR values and WAMP payload values (the neutral tree of
/// <see cref="WampMessageConverter"/>) through System.Text.Json, so a payload binds to any type
/// System.Text.Json can read or write. Primitives take a direct path with no JSON in between.
/// </summary>
public static class WampConvert
{
    /// <summary>The options used when none are given: web defaults (camelCase, case-insensitive reads).</summary>
    public static JsonSerializerOptions DefaultOptions { get; } = CreateDefaultOptions();

    /// <summary>Converts a CLR value into a WAMP payload value.</summary>
    /// <exception cref="NotSupportedException">System.Text.Json cannot write the value.</exception>
    public static object? ToWamp(object? value, JsonSerializerOptions? options = null)
    {
        switch (value)
        {
            case null or string or bool or long or double or byte[]:
                return value;
            case int or short or byte or sbyte or ushort or uint or float or char or Guid:
                return WampValues.Normalize(value);
            case JsonElement element:
                return FromElement(element);
            default:
                var json = JsonSerializer.SerializeToElement(value, value.GetType(), options ?? DefaultOptions);
                return FromElement(json);
        }
    }

    /// <summary>Converts a list of CLR values into WAMP positional arguments.</summary>
    public static IReadOnlyList<object?> ToWampList(IEnumerable<object?> values, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return [.. values.Select(value => ToWamp(value, options))];
    }

    /// <summary>Converts an object's properties (or a dictionary) into WAMP keyword arguments.</summary>
    /// <exception cref="ArgumentException">The value does not serialize to a JSON object.</exception>
    public static IReadOnlyDictionary<string, object?>? ToWampDictionary(object? value, JsonSerializerOptions? options = null) => ToWamp(value, options) switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> dictionary => dictionary,
        _ => throw new ArgumentException("Keyword arguments must serialize to a JSON object.", nameof(value)),
    };

    /// <summary>Converts a WAMP payload value into <typeparamref name="T"/>.</summary>
    /// <exception cref="JsonException">The value does not fit the type.</exception>
    public static T? FromWamp<T>(object? value, JsonSerializerOptions? options = null) =>
        (T?)FromWamp(value, typeof(T), options);

    /// <summary>Converts a WAMP payload value into <paramref name="type"/>.</summary>
    /// <exception cref="JsonException">The value does not fit the type.</exception>
    public static object? FromWamp(object? value, Type type, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (value is null)
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null
                ? throw new JsonException($"null cannot be converted to {type.Name}.")
                : null;
        }

        if (type == typeof(object) || (type.IsInstanceOfType(value) && (value is string or bool or long or double or byte[] || IsNeutralContainer(type))))
        {
            return value;
        }

        if (TryConvertNumber(value, Nullable.GetUnderlyingType(type) ?? type, out var number))
        {
            return number;
        }

        var buffer = new PooledBufferWriter(256);
        try
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                WriteJson(writer, value);
            }

            return JsonSerializer.Deserialize(buffer.WrittenSpan, type, options ?? DefaultOptions);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    private static JsonSerializerOptions CreateDefaultOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static bool IsNeutralContainer(Type type) =>
        type == typeof(IReadOnlyDictionary<string, object?>) || type == typeof(IReadOnlyList<object?>);

    private static bool TryConvertNumber(object value, Type type, out object? result)
    {
        result = null;
        try
        {
            result = (value, Type.GetTypeCode(type)) switch
            {
                (long l, TypeCode.Int32) => checked((int)l),
                (long l, TypeCode.Int64) => l,
                (long l, TypeCode.Int16) => checked((short)l),
                (long l, TypeCode.Byte) => checked((byte)l),
                (long l, TypeCode.UInt32) => checked((uint)l),
                (long l, TypeCode.UInt64) => checked((ulong)l),
                (long l, TypeCode.Double) => (double)l,
                (long l, TypeCode.Single) => (float)l,
                (long l, TypeCode.Decimal) => (decimal)l,
                (double d, TypeCode.Double) => d,
                (double d, TypeCode.Single) => (float)d,
                (double d, TypeCode.Decimal) => (decimal)d,
                (double d, TypeCode.Int32) when d == Math.Floor(d) => checked((int)d),
                (double d, TypeCode.Int64) when d == Math.Floor(d) => checked((long)d),
                _ => null,
            };
        }
        catch (OverflowException e)
        {
            throw new JsonException($"{value} is out of range for {type.Name}.", e);
        }

        return result is not null;
    }

    private static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when element.TryGetInt64(out var l) => l,
        JsonValueKind.Number when element.TryGetUInt64(out var u) => u,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.Array => FromArray(element),
        JsonValueKind.Object => FromObject(element),
        _ => null,
    };

    private static List<object?> FromArray(JsonElement element)
    {
        var list = new List<object?>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            list.Add(FromElement(item));
        }

        return list;
    }

    private static Dictionary<string, object?> FromObject(JsonElement element)
    {
        var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            dictionary[property.Name] = FromElement(property.Value);
        }

        return dictionary;
    }

    // Binary values become base64 strings, which System.Text.Json reads back into byte[].
    private static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case ulong u:
                writer.WriteNumberValue(u);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case IReadOnlyDictionary<string, object?> dictionary:
                writer.WriteStartObject();
                foreach (var (key, item) in dictionary)
                {
                    writer.WritePropertyName(key);
                    WriteJson(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IReadOnlyList<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType(), DefaultOptions);
                break;
        }
    }
}
