using System.Buffers;
using System.Formats.Cbor;
using System.Text;
using LiveStack.Wamp.Messages;

namespace LiveStack.Wamp.Serialization;

/// <summary><c>wamp.2.cbor</c> on System.Formats.Cbor.</summary>
internal sealed class CborWampCodec : IWampCodec
{
    // In Lax mode CborReader.ReadTextString replaces invalid UTF-8 with U+FFFD (Strict mode would validate,
    // but it also rejects duplicate keys and tracks every map's keys). WAMP strings must be UTF-8, and the
    // JSON and msgpack codecs refuse bad bytes, so text is decoded here with an encoding that throws.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [ThreadStatic]
    private static CborWriter? t_writer;

    public WampSerializer Serializer => WampSerializer.Cbor;

    public string Subprotocol => "wamp.2.cbor";

    public bool IsBinary => true;

    public WampMessage Decode(ReadOnlySequence<byte> data)
    {
        object? root;
        try
        {
            var memory = data.IsSingleSegment ? data.First : data.ToArray();
            var reader = new CborReader(memory, CborConformanceMode.Lax);
            root = ReadValue(reader, 0);
            if (reader.BytesRemaining != 0)
            {
                throw new WampProtocolException("Trailing data after the CBOR message.");
            }
        }
        catch (WampProtocolException)
        {
            throw;
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException or FormatException or ArgumentException)
        {
            throw new WampProtocolException("Malformed CBOR: " + e.Message, e);
        }

        return root is IReadOnlyList<object?> list
            ? WampMessageConverter.FromArray(list)
            : throw new WampProtocolException("A WAMP message must be a CBOR array.");
    }

    public void Encode(WampMessage message, IBufferWriter<byte> output) => EncodeValue(WampMessageConverter.ToArray(message), output);

    public void EncodeValue(object? value, IBufferWriter<byte> output)
    {
        var writer = t_writer ??= new CborWriter(CborConformanceMode.Lax, convertIndefiniteLengthEncodings: false);
        writer.Reset();
        WriteValue(writer, value);
        var span = output.GetSpan(writer.BytesWritten);
        var written = writer.Encode(span);
        output.Advance(written);
    }

    private static object? ReadValue(CborReader reader, int depth)
    {
        if (depth > WampCodecs.MaxDepth)
        {
            throw new WampProtocolException("CBOR nesting is too deep.");
        }

        switch (reader.PeekState())
        {
            case CborReaderState.UnsignedInteger:
                var ul = reader.ReadUInt64();
                return ul <= long.MaxValue ? (long)ul : ul;
            case CborReaderState.NegativeInteger:
                return reader.ReadInt64();
            case CborReaderState.TextString:
                return ReadTextString(reader);
            case CborReaderState.ByteString:
                return reader.ReadByteString();
            case CborReaderState.StartArray:
                var length = reader.ReadStartArray();
                var list = new List<object?>(Math.Min(length ?? 4, reader.BytesRemaining));
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    list.Add(ReadValue(reader, depth + 1));
                }

                reader.ReadEndArray();
                return list;
            case CborReaderState.StartMap:
                var entries = reader.ReadStartMap();
                var dict = new Dictionary<string, object?>(Math.Min(entries ?? 4, reader.BytesRemaining), StringComparer.Ordinal);
                while (reader.PeekState() != CborReaderState.EndMap)
                {
                    if (reader.PeekState() != CborReaderState.TextString)
                    {
                        throw new WampProtocolException("CBOR map keys must be text strings.");
                    }

                    var key = ReadTextString(reader);
                    dict[key] = ReadValue(reader, depth + 1);
                }

                reader.ReadEndMap();
                return dict;
            case CborReaderState.Boolean:
                return reader.ReadBoolean();
            case CborReaderState.Null:
                reader.ReadNull();
                return null;
            case CborReaderState.SimpleValue:
                // "undefined" (0xF7, what cbor-x writes for JavaScript's undefined) counts as absent.
                return reader.ReadSimpleValue() == CborSimpleValue.Undefined
                    ? null
                    : throw new WampProtocolException("Unsupported CBOR simple value.");
            case CborReaderState.HalfPrecisionFloat:
            case CborReaderState.SinglePrecisionFloat:
            case CborReaderState.DoublePrecisionFloat:
                return reader.ReadDouble();
            case CborReaderState.Tag:
                // Tags (dates, bignums…) carry no meaning in WAMP; the tagged value stands for itself.
                reader.ReadTag();
                return ReadValue(reader, depth + 1);
            case CborReaderState.StartIndefiniteLengthTextString:
                return ReadIndefiniteLengthTextString(reader);
            case CborReaderState.StartIndefiniteLengthByteString:
                return reader.ReadByteString();
            default:
                throw new WampProtocolException($"Unexpected CBOR item {reader.PeekState()}.");
        }
    }

    private static string ReadTextString(CborReader reader) => StrictUtf8.GetString(reader.ReadDefiniteLengthTextStringBytes().Span);

    // RFC 8949 §3.2.3: every chunk of an indefinite-length text string is itself well-formed UTF-8.
    private static string ReadIndefiniteLengthTextString(CborReader reader)
    {
        var text = new StringBuilder();
        reader.ReadStartIndefiniteLengthTextString();
        while (reader.PeekState() != CborReaderState.EndIndefiniteLengthTextString)
        {
            text.Append(ReadTextString(reader));
        }

        reader.ReadEndIndefiniteLengthTextString();
        return text.ToString();
    }

    private static void WriteValue(CborWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull();
                break;
            case string s:
                writer.WriteTextString(s);
                break;
            case long l:
                writer.WriteInt64(l);
                break;
            case bool b:
                writer.WriteBoolean(b);
                break;
            case double d:
                writer.WriteDouble(d);
                break;
            case ulong ul:
                writer.WriteUInt64(ul);
                break;
            case byte[] bytes:
                writer.WriteByteString(bytes);
                break;
            case IReadOnlyDictionary<string, object?> dict:
                writer.WriteStartMap(dict.Count);
                foreach (var (key, item) in dict)
                {
                    writer.WriteTextString(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndMap();
                break;
            case IReadOnlyList<object?> list:
                writer.WriteStartArray(list.Count);
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
