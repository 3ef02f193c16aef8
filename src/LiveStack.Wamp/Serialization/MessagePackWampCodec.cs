using System.Buffers;
using System.Text;
using LiveStack.Wamp.Messages;
using MessagePack;

namespace LiveStack.Wamp.Serialization;

/// <summary><c>wamp.2.msgpack</c> on MessagePack-CSharp's low-level reader and writer.</summary>
internal sealed class MessagePackWampCodec : IWampCodec
{
    // msgpackr (used by wampy) encodes JavaScript's undefined as fixext 1 with type 0; WAMP treats it as absent.
    private const sbyte UndefinedExtensionType = 0;

    // MessagePackReader.ReadString replaces invalid UTF-8 with U+FFFD; WAMP strings must be UTF-8, and the
    // JSON and CBOR codecs refuse bad bytes, so decode with an encoding that throws (DecoderFallbackException).
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public WampSerializer Serializer => WampSerializer.MessagePack;

    public string Subprotocol => "wamp.2.msgpack";

    public bool IsBinary => true;

    public WampMessage Decode(ReadOnlySequence<byte> data)
    {
        object? root;
        try
        {
            var reader = new MessagePackReader(data);
            root = ReadValue(ref reader, 0);
            if (!reader.End)
            {
                throw new WampProtocolException("Trailing data after the MessagePack message.");
            }
        }
        catch (WampProtocolException)
        {
            throw;
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or OverflowException or InvalidOperationException or ArgumentException)
        {
            throw new WampProtocolException("Malformed MessagePack: " + e.Message, e);
        }

        return root is IReadOnlyList<object?> list
            ? WampMessageConverter.FromArray(list)
            : throw new WampProtocolException("A WAMP message must be a MessagePack array.");
    }

    public void Encode(WampMessage message, IBufferWriter<byte> output) => EncodeValue(WampMessageConverter.ToArray(message), output);

    public void EncodeValue(object? value, IBufferWriter<byte> output)
    {
        var writer = new MessagePackWriter(output);
        WriteValue(ref writer, value);
        writer.Flush();
    }

    private static object? ReadValue(ref MessagePackReader reader, int depth)
    {
        // The message array is depth 0, so MaxDepth levels end at MaxDepth - 1, as in Utf8JsonReader and CborReader.
        if (depth >= WampCodecs.MaxDepth)
        {
            throw new WampProtocolException("MessagePack nesting is too deep.");
        }

        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil:
                reader.ReadNil();
                return null;
            case MessagePackType.Boolean:
                return reader.ReadBoolean();
            case MessagePackType.Integer:
                if (reader.NextCode == MessagePackCode.UInt64)
                {
                    var ul = reader.ReadUInt64();
                    return ul <= long.MaxValue ? (long)ul : ul;
                }

                return reader.ReadInt64();
            case MessagePackType.Float:
                return reader.ReadDouble();
            case MessagePackType.String:
                return ReadString(ref reader);
            case MessagePackType.Binary:
                return reader.ReadBytes()?.ToArray();
            case MessagePackType.Array:
                var count = reader.ReadArrayHeader();
                var list = new List<object?>(count);
                for (var i = 0; i < count; i++)
                {
                    list.Add(ReadValue(ref reader, depth + 1));
                }

                return list;
            case MessagePackType.Map:
                var entries = reader.ReadMapHeader();
                var dict = new Dictionary<string, object?>(entries, StringComparer.Ordinal);
                for (var i = 0; i < entries; i++)
                {
                    if (reader.NextMessagePackType != MessagePackType.String)
                    {
                        throw new WampProtocolException("MessagePack map keys must be strings.");
                    }

                    var key = ReadString(ref reader);
                    dict[key] = ReadValue(ref reader, depth + 1);
                }

                return dict;
            case MessagePackType.Extension:
                var header = reader.ReadExtensionFormatHeader();
                if (header.TypeCode == UndefinedExtensionType && header.Length == 1)
                {
                    reader.ReadRaw(1);
                    return null;
                }

                throw new WampProtocolException($"Unsupported MessagePack extension type {header.TypeCode}.");
            default:
                throw new WampProtocolException("Unknown MessagePack type.");
        }
    }

    private static string ReadString(ref MessagePackReader reader)
    {
        var bytes = reader.ReadStringSequence()!.Value;
        return bytes.IsSingleSegment ? StrictUtf8.GetString(bytes.FirstSpan) : StrictUtf8.GetString(bytes);
    }

    private static void WriteValue(ref MessagePackWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNil();
                break;
            case string s:
                writer.Write(s);
                break;
            case long l:
                writer.Write(l);
                break;
            case bool b:
                writer.Write(b);
                break;
            case double d:
                writer.Write(d);
                break;
            case ulong ul:
                writer.Write(ul);
                break;
            case byte[] bytes:
                writer.Write(bytes);
                break;
            case IReadOnlyDictionary<string, object?> dict:
                writer.WriteMapHeader(dict.Count);
                foreach (var (key, item) in dict)
                {
                    writer.Write(key);
                    WriteValue(ref writer, item);
                }

                break;
            case IReadOnlyList<object?> list:
                writer.WriteArrayHeader(list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    WriteValue(ref writer, list[i]);
                }

                break;
            default:
                WriteValue(ref writer, WampValues.Normalize(value));
                break;
        }
    }
}
