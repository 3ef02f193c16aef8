using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Wamp.Tests.Support;

/// <summary>
/// Renders neutral value trees (what the codecs decode to, see <see cref="WampMessageConverter"/>) as
/// canonical text, so equality is structural and a failing assertion shows a readable diff. Strings and
/// binaries render differently, and so do integers and floats: a codec that mixes them up is wrong.
/// Dictionary keys are sorted because their order carries no meaning.
/// </summary>
internal static class Canonical
{
    public static string Render(WampMessage message) => message.GetType().Name + Render(WampMessageConverter.ToArray(message));

    public static string Render(object? value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.ToString();
    }

    /// <summary>Renders JSON from a vector file as the neutral tree a faithful decoder would produce.</summary>
    public static string Render(JsonElement json) => Render(FromJson(json));

    private static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => json.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => json.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number when json.TryGetInt64(out var l) => l,
        JsonValueKind.Number when json.TryGetUInt64(out var ul) => ul,
        JsonValueKind.Number => json.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => throw new ArgumentException($"Unexpected JSON {json.ValueKind}.", nameof(json)),
    };

    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case long or ulong:
                // The tree holds ulong only above long.MaxValue, so digits alone are unambiguous.
                text.Append(CultureInfo.InvariantCulture, $"{value}");
                break;
            case double d:
                text.Append(d.ToString("R", CultureInfo.InvariantCulture)).Append('d');
                break;
            case string s:
                text.Append(JsonSerializer.Serialize(s));
                break;
            case byte[] bytes:
                text.Append("bin:").Append(Convert.ToHexStringLower(bytes));
                break;
            case IReadOnlyDictionary<string, object?> dict:
                text.Append('{');
                foreach (var (key, item) in dict.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    text.Append(JsonSerializer.Serialize(key)).Append(':');
                    Write(text, item);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case IReadOnlyList<object?> list:
                text.Append('[');
                foreach (var item in list)
                {
                    Write(text, item);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default:
                throw new ArgumentException($"{value.GetType().Name} is not part of the neutral value tree.", nameof(value));
        }
    }
}
