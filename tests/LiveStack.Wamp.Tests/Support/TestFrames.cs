using System.Buffers;
using System.Formats.Cbor;
using System.Text;
using System.Text.Json;
using MessagePack;

namespace LiveStack.Wamp.Tests.Support;

/// <summary>
/// Writes a frame for any of our serializers from JSON text, using the MessagePack and CBOR libraries
/// directly, so that hostile and vector inputs do not depend on the encoders under test.
/// Strings stay strings (no U+0000 binary convention) and integers take their smallest encoding.
/// </summary>
internal static class TestFrames
{
    // Deep enough for the nesting-limit tests, which go a little past WampCodecs.MaxDepth.
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    public static byte[] FromJson(string serializer, string json)
    {
        if (serializer == "json")
        {
            return Encoding.UTF8.GetBytes(json);
        }

        using var document = JsonDocument.Parse(json, Options);
        return serializer switch
        {
            "msgpack" => ToMessagePack(document.RootElement),
            "cbor" => ToCbor(document.RootElement),
            _ => throw new ArgumentOutOfRangeException(nameof(serializer), serializer, "Not a serializer LiveStack speaks."),
        };
    }

    private static byte[] ToMessagePack(JsonElement root)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(output);
        Write(ref writer, root);
        writer.Flush();
        return output.WrittenSpan.ToArray();
    }

    private static void Write(ref MessagePackWriter writer, JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteMapHeader(json.EnumerateObject().Count());
                foreach (var property in json.EnumerateObject())
                {
                    writer.Write(property.Name);
                    Write(ref writer, property.Value);
                }

                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(json.GetArrayLength());
                foreach (var item in json.EnumerateArray())
                {
                    Write(ref writer, item);
                }

                break;
            case JsonValueKind.String:
                writer.Write(json.GetString());
                break;
            case JsonValueKind.Number when json.TryGetInt64(out var l):
                writer.Write(l);
                break;
            case JsonValueKind.Number when json.TryGetUInt64(out var ul):
                writer.Write(ul);
                break;
            case JsonValueKind.Number:
                writer.Write(json.GetDouble());
                break;
            case JsonValueKind.True or JsonValueKind.False:
                writer.Write(json.GetBoolean());
                break;
            default:
                writer.WriteNil();
                break;
        }
    }

    private static byte[] ToCbor(JsonElement root)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        Write(writer, root);
        return writer.Encode();
    }

    private static void Write(CborWriter writer, JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartMap(json.EnumerateObject().Count());
                foreach (var property in json.EnumerateObject())
                {
                    writer.WriteTextString(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndMap();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray(json.GetArrayLength());
                foreach (var item in json.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteTextString(json.GetString()!);
                break;
            case JsonValueKind.Number when json.TryGetInt64(out var l):
                writer.WriteInt64(l);
                break;
            case JsonValueKind.Number when json.TryGetUInt64(out var ul):
                writer.WriteUInt64(ul);
                break;
            case JsonValueKind.Number:
                writer.WriteDouble(json.GetDouble());
                break;
            case JsonValueKind.True or JsonValueKind.False:
                writer.WriteBoolean(json.GetBoolean());
                break;
            default:
                writer.WriteNull();
                break;
        }
    }
}
