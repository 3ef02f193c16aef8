using System.Buffers;
using System.Formats.Cbor;
using LiveStack.Conformance.Scripts;
using LiveStack.Wamp.Serialization;
using MessagePack;

namespace LiveStack.Conformance.Running;

/// <summary>
/// Writes a frame exactly as the script gives it, in the run's serializer. It deliberately does
/// not go through the typed message model, so scripts can send what a correct client never
/// would (unknown message types, ERROR for a bad request type, wrong element counts).
/// </summary>
internal static class FrameEncoder
{
    public static byte[] Encode(IReadOnlyList<object?> frame, WampSerializer serializer)
    {
        switch (serializer)
        {
            case WampSerializer.MessagePack:
                var buffer = new ArrayBufferWriter<byte>();
                var packer = new MessagePackWriter(buffer);
                WriteMessagePack(ref packer, frame);
                packer.Flush();
                return buffer.WrittenSpan.ToArray();
            case WampSerializer.Cbor:
                var cbor = new CborWriter(CborConformanceMode.Lax);
                WriteCbor(cbor, frame);
                return cbor.Encode();
            default:
                return JsonTree.ToUtf8(frame);
        }
    }

    private static void WriteMessagePack(ref MessagePackWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNil();
                break;
            case bool b:
                writer.Write(b);
                break;
            case long l:
                writer.Write(l);
                break;
            case ulong ul:
                writer.Write(ul);
                break;
            case double d:
                writer.Write(d);
                break;
            case string s:
                writer.Write(s);
                break;
            case byte[] bytes:
                writer.Write(bytes);
                break;
            case IReadOnlyDictionary<string, object?> dict:
                writer.WriteMapHeader(dict.Count);
                foreach (var (key, item) in dict)
                {
                    writer.Write(key);
                    WriteMessagePack(ref writer, item);
                }

                break;
            case IReadOnlyList<object?> list:
                writer.WriteArrayHeader(list.Count);
                foreach (var item in list)
                {
                    WriteMessagePack(ref writer, item);
                }

                break;
            default:
                throw new ArgumentException($"A {value.GetType().Name} is not part of the WAMP value tree.", nameof(value));
        }
    }

    private static void WriteCbor(CborWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull();
                break;
            case bool b:
                writer.WriteBoolean(b);
                break;
            case long l:
                writer.WriteInt64(l);
                break;
            case ulong ul:
                writer.WriteUInt64(ul);
                break;
            case double d:
                writer.WriteDouble(d);
                break;
            case string s:
                writer.WriteTextString(s);
                break;
            case byte[] bytes:
                writer.WriteByteString(bytes);
                break;
            case IReadOnlyDictionary<string, object?> dict:
                writer.WriteStartMap(dict.Count);
                foreach (var (key, item) in dict)
                {
                    writer.WriteTextString(key);
                    WriteCbor(writer, item);
                }

                writer.WriteEndMap();
                break;
            case IReadOnlyList<object?> list:
                writer.WriteStartArray(list.Count);
                foreach (var item in list)
                {
                    WriteCbor(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A {value.GetType().Name} is not part of the WAMP value tree.", nameof(value));
        }
    }
}
