using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LiveStack.Conformance.Scripts;

/// <summary>
/// Converts between JSON and the neutral value tree the WAMP codecs use (null, bool, long,
/// ulong, double, string, byte[], lists and string-keyed dictionaries), so script patterns and
/// decoded frames can be compared and printed the same way.
/// </summary>
internal static class JsonTree
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => Number(element),
        JsonValueKind.Array => element.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromElement(p.Value), StringComparer.Ordinal),
        _ => throw new JsonException($"Unexpected JSON value {element.ValueKind}."),
    };

    /// <summary>Compact JSON for reports; bytes appear the WAMP way, as U+0000 followed by base64.</summary>
    public static string Render(object? value) => Encoding.UTF8.GetString(ToUtf8(value));

    /// <summary>Compact UTF-8 JSON, as <c>wamp.2.json</c> puts it on the wire.</summary>
    public static byte[] ToUtf8(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case ulong ul:
                writer.WriteNumberValue(ul);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case byte[] bytes:
                writer.WriteStringValue("\0" + Convert.ToBase64String(bytes));
                break;
            case IReadOnlyDictionary<string, object?> dict:
                writer.WriteStartObject();
                foreach (var (key, item) in dict)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IReadOnlyList<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A {value.GetType().Name} is not part of the WAMP value tree.", nameof(value));
        }
    }

    private static object Number(JsonElement element)
    {
        if (element.TryGetInt64(out var l))
        {
            return l;
        }

        return element.TryGetUInt64(out var ul) ? ul : element.GetDouble();
    }
}
