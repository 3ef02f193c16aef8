using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using LiveStack.Wamp.Messages;

namespace LiveStack.Wamp.Serialization;

/// <summary>
/// <c>wamp.2.json</c> with <see cref="Utf8JsonReader"/> and <see cref="Utf8JsonWriter"/>, no reflection.
/// Binary values travel as a string made of U+0000 followed by the base64 of the bytes.
/// </summary>
internal sealed class JsonWampCodec : IWampCodec
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // WAMP JSON is never embedded in HTML, so only what JSON itself requires is escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = WampCodecs.MaxDepth };

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public WampSerializer Serializer => WampSerializer.Json;

    public string Subprotocol => "wamp.2.json";

    public bool IsBinary => false;

    public WampMessage Decode(ReadOnlySequence<byte> data)
    {
        object? root;
        try
        {
            var reader = new Utf8JsonReader(data, ReaderOptions);
            if (!reader.Read())
            {
                throw new WampProtocolException("Empty JSON message.");
            }

            root = ReadValue(ref reader);
            if (reader.Read())
            {
                throw new WampProtocolException("Trailing data after the JSON message.");
            }
        }
        catch (JsonException e)
        {
            throw new WampProtocolException("Malformed JSON: " + e.Message, e);
        }
        catch (FormatException e)
        {
            throw new WampProtocolException("Malformed binary value in JSON.", e);
        }
        catch (InvalidOperationException e)
        {
            throw new WampProtocolException("Malformed JSON: " + e.Message, e);
        }

        return root is IReadOnlyList<object?> list
            ? WampMessageConverter.FromArray(list)
            : throw new WampProtocolException("A WAMP message must be a JSON array.");
    }

    public void Encode(WampMessage message, IBufferWriter<byte> output) => EncodeValue(WampMessageConverter.ToArray(message), output);

    public void EncodeValue(object? value, IBufferWriter<byte> output)
    {
        var writer = t_writer ??= new Utf8JsonWriter(output, WriterOptions);
        writer.Reset(output);
        try
        {
            WriteValue(writer, value);
            writer.Flush();
        }
        finally
        {
            // Never keep the caller's buffer reachable from a thread-static.
            writer.Reset(NullBufferWriter.Instance);
        }
    }

    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(ReadValue(ref reader));
                }

                return list;
            case JsonTokenType.StartObject:
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    dict[key] = ReadValue(ref reader);
                }

                return dict;
            case JsonTokenType.String:
                var text = reader.GetString()!;
                return text.Length > 0 && text[0] == '\0' ? Convert.FromBase64String(text[1..]) : text;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var l))
                {
                    return l;
                }

                if (reader.TryGetUInt64(out var ul))
                {
                    return ul;
                }

                // Beyond double's range the reader yields infinity, which no JSON encoder can write back,
                // so a relayed message would fail at the next hop; refuse it here instead.
                var d = reader.GetDouble();
                return double.IsFinite(d) ? d : throw new WampProtocolException("JSON number out of range.");
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            default:
                throw new WampProtocolException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case ulong ul:
                writer.WriteNumberValue(ul);
                break;
            case byte[] bytes:
                writer.WriteStringValue("\0" + Convert.ToBase64String(bytes));
                break;
            case IReadOnlyDictionary<string, object?> dict:
                writer.WriteStartObject();
                foreach (var (key, item) in dict)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IReadOnlyList<object?> list:
                writer.WriteStartArray();
                for (var i = 0; i < list.Count; i++)
                {
                    WriteValue(writer, list[i]);
                }

                writer.WriteEndArray();
                break;
            default:
                WriteValue(writer, WampValues.Normalize(value));
                break;
        }
    }
}
