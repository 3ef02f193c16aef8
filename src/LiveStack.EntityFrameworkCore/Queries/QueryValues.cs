using System.Globalization;
using System.Text.Json;
using LiveStack.Client;

namespace LiveStack.EntityFrameworkCore.Queries;

/// <summary>Field types: what they allow, how literals convert to them, and how values print in a canonical key.</summary>
internal static class QueryValues
{
    /// <summary>What a field of type <paramref name="type"/> allows.</summary>
    public static FieldKind Classify(Type type)
    {
        if (type == typeof(string))
        {
            return FieldKind.Text;
        }

        if (type == typeof(byte[]))
        {
            return FieldKind.OrderOnly;
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum)
        {
            return FieldKind.Ordered;
        }

        if (underlying == typeof(bool) || underlying == typeof(Guid) || underlying == typeof(char))
        {
            return FieldKind.Equatable;
        }

        return Type.GetTypeCode(underlying) switch
        {
            TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal
                or TypeCode.DateTime => FieldKind.Ordered,
            _ when underlying == typeof(DateTimeOffset) || underlying == typeof(DateOnly)
                || underlying == typeof(TimeOnly) || underlying == typeof(TimeSpan) => FieldKind.Ordered,
            _ => FieldKind.Unsupported,
        };
    }

    /// <summary>A type's name as messages show it, e.g. <c>Int32?</c>.</summary>
    public static string Name(Type type) => Nullable.GetUnderlyingType(type) is { } underlying ? underlying.Name + "?" : type.Name;

    /// <summary>Converts a payload value to <paramref name="type"/>.</summary>
    /// <param name="value">A value of the neutral tree.</param>
    /// <param name="type">The field's type.</param>
    /// <param name="json">Options for <see cref="WampConvert.FromWamp(object?, Type, JsonSerializerOptions?)"/>; web defaults when null.</param>
    /// <param name="result">The converted value.</param>
    /// <param name="error">Why the value does not convert.</param>
    /// <returns>True when it converts.</returns>
    public static bool TryConvert(object? value, Type type, JsonSerializerOptions? json, out object? result, out string? error)
    {
        result = null;
        error = null;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null)
        {
            if (type.IsValueType && underlying == type)
            {
                error = $"a {Name(type)} field is never null";
                return false;
            }

            return true;
        }

        if (underlying.IsEnum && TryConvertEnum(value, underlying, out result))
        {
            return true;
        }

        if (value is double d && double.IsNaN(d))
        {
            error = "NaN is not a value";
            return false;
        }

        try
        {
            result = WampConvert.FromWamp(value, underlying, json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException or OverflowException or ArgumentException or InvalidCastException)
        {
            result = null;
        }

        if (result is null || !underlying.IsInstanceOfType(result) || result is float.NaN or double.NaN)
        {
            result = null;
            error = underlying.IsEnum
                ? $"{Describe(value)} is not a {underlying.Name} (use one of its names: {string.Join(", ", Enum.GetNames(underlying))})"
                : $"{Describe(value)} does not convert to {underlying.Name}";
            return false;
        }

        return true;
    }

    /// <summary>The value as it prints in a canonical key: one spelling per value of the field's type.</summary>
    public static string Canonical(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        Enum e => e.ToString("D"),
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("O", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("O", CultureInfo.InvariantCulture),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        Guid guid => guid.ToString("D"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? string.Empty),
    };

    /// <summary>A JSON string literal (so field names and values cannot break the key's structure).</summary>
    public static string Quote(string text) => "\"" + JsonEncodedText.Encode(text).ToString() + "\"";

    private static bool TryConvertEnum(object value, Type enumType, out object? result)
    {
        result = null;
        var flags = enumType.IsDefined(typeof(FlagsAttribute), inherit: false);
        switch (value)
        {
            case string name when Enum.TryParse(enumType, name, ignoreCase: true, out var parsed):
                result = parsed;
                break;
            case long or ulong or double:
                try
                {
                    var number = value is double d && d != Math.Floor(d)
                        ? null
                        : Convert.ChangeType(value, Enum.GetUnderlyingType(enumType), CultureInfo.InvariantCulture);
                    result = number is null ? null : Enum.ToObject(enumType, number);
                }
                catch (OverflowException)
                {
                    result = null;
                }

                break;
        }

        if (result is not null && !flags && !Enum.IsDefined(enumType, result))
        {
            result = null;
        }

        return result is not null;
    }

    private static string Describe(object value)
    {
        var text = value switch
        {
            string s => Quote(s),
            IReadOnlyList<object?> => "a list",
            IReadOnlyDictionary<string, object?> => "an object",
            byte[] => "binary data",
            _ => Canonical(value),
        };
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}
