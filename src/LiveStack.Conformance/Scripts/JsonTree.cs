using System.Text;
using System.Text.Json;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Conformance.Scripts;

/// <summary>
/// Converts between JSON and the neutral value tree the WAMP codecs use (null, bool, long,
/// ulong, double, string, byte[], lists and string-keyed dictionaries), so script patterns and
/// decoded frames can be compared and printed the same way.
/// </summary>
internal static class JsonTree
{
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
    public static byte[] ToUtf8(object? value) => Running.FrameEncoder.Encode(WampCodecs.Json, value);

    private static object Number(JsonElement element)
    {
        if (element.TryGetInt64(out var l))
        {
            return l;
        }

        return element.TryGetUInt64(out var ul) ? ul : element.GetDouble();
    }
}
