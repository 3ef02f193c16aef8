using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LiveStack.Wamp.Serialization;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>
/// Writes any value tree in JSON, MessagePack or CBOR, byte by byte, including what a correct
/// encoder never writes (invalid UTF-8, NaN in JSON, repeated or non-string keys, any depth), so
/// hostile frames do not depend on the codecs under test. Trees use null, bool, long, ulong,
/// double, string, byte[], lists, string-keyed dictionaries and the types in RawValues.cs.
/// </summary>
internal static class RawEncoder
{
    public static byte[] Encode(object? value, WampSerializer serializer)
    {
        var output = new List<byte>(256);
        switch (serializer)
        {
            case WampSerializer.Json:
                WriteJson(output, value);
                break;
            case WampSerializer.MessagePack:
                WriteMessagePack(output, value);
                break;
            default:
                WriteCbor(output, value);
                break;
        }

        return [.. output];
    }

    private static void WriteJson(List<byte> output, object? value)
    {
        switch (value)
        {
            case null:
                output.AddRange("null"u8);
                break;
            case bool b:
                output.AddRange(b ? "true"u8 : "false"u8);
                break;
            case long or ulong or int:
                output.AddRange(Encoding.ASCII.GetBytes(Convert.ToString(value, CultureInfo.InvariantCulture)!));
                break;
            case double d:
                // NaN and the infinities come out as the bare words, which are not JSON.
                output.AddRange(Encoding.ASCII.GetBytes(d.ToString("R", CultureInfo.InvariantCulture)));
                break;
            case JsonNumber n:
                output.AddRange(Encoding.ASCII.GetBytes(n.Literal));
                break;
            case string s:
                output.Add((byte)'"');
                output.AddRange(Encoding.UTF8.GetBytes(JsonEncodedText.Encode(s, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()));
                output.Add((byte)'"');
                break;
            case RawText t:
                output.Add((byte)'"');
                output.AddRange(t.Bytes);
                output.Add((byte)'"');
                break;
            case byte[] bytes:
                WriteJson(output, "\0" + Convert.ToBase64String(bytes));
                break;
            case IReadOnlyDictionary<string, object?> dict:
                WriteJson(output, ToRawMap(dict));
                break;
            case RawMap map:
                output.Add((byte)'{');
                for (var i = 0; i < map.Entries.Count; i++)
                {
                    if (i > 0)
                    {
                        output.Add((byte)',');
                    }

                    WriteJson(output, map.Entries[i].Key);
                    output.Add((byte)':');
                    WriteJson(output, map.Entries[i].Value);
                }

                output.Add((byte)'}');
                break;
            case IEnumerable<object?> list:
                output.Add((byte)'[');
                var first = true;
                foreach (var item in list)
                {
                    if (!first)
                    {
                        output.Add((byte)',');
                    }

                    first = false;
                    WriteJson(output, item);
                }

                output.Add((byte)']');
                break;
            default:
                throw new ArgumentException($"Cannot write {value.GetType().Name}.", nameof(value));
        }
    }

    private static void WriteMessagePack(List<byte> output, object? value)
    {
        switch (value)
        {
            case null:
                output.Add(0xC0);
                break;
            case bool b:
                output.Add(b ? (byte)0xC3 : (byte)0xC2);
                break;
            case int i:
                WriteMessagePack(output, (long)i);
                break;
            case long l when l is >= 0 and <= 0x7F:
                output.Add((byte)l);
                break;
            case long l when l is >= -32 and < 0:
                output.Add((byte)(sbyte)l);
                break;
            case long l:
                output.Add(0xD3);
                AddBigEndian(output, (ulong)l, 8);
                break;
            case ulong u:
                output.Add(0xCF);
                AddBigEndian(output, u, 8);
                break;
            case double d:
                output.Add(0xCB);
                AddBigEndian(output, (ulong)BitConverter.DoubleToInt64Bits(d), 8);
                break;
            case JsonNumber n:
                WriteMessagePack(output, n.Binary);
                break;
            case string s:
                WriteMessagePack(output, new RawText(Encoding.UTF8.GetBytes(s)));
                break;
            case RawText t:
                output.Add(0xDB);
                AddBigEndian(output, (ulong)t.Bytes.Length, 4);
                output.AddRange(t.Bytes);
                break;
            case byte[] bytes:
                output.Add(0xC6);
                AddBigEndian(output, (ulong)bytes.Length, 4);
                output.AddRange(bytes);
                break;
            case IReadOnlyDictionary<string, object?> dict:
                WriteMessagePack(output, ToRawMap(dict));
                break;
            case RawMap map:
                output.Add(0xDF);
                AddBigEndian(output, (ulong)map.Entries.Count, 4);
                foreach (var (key, item) in map.Entries)
                {
                    WriteMessagePack(output, key);
                    WriteMessagePack(output, item);
                }

                break;
            case IEnumerable<object?> list:
                var items = list.ToList();
                output.Add(0xDD);
                AddBigEndian(output, (ulong)items.Count, 4);
                foreach (var item in items)
                {
                    WriteMessagePack(output, item);
                }

                break;
            default:
                throw new ArgumentException($"Cannot write {value.GetType().Name}.", nameof(value));
        }
    }

    private static void WriteCbor(List<byte> output, object? value)
    {
        switch (value)
        {
            case null:
                output.Add(0xF6);
                break;
            case bool b:
                output.Add(b ? (byte)0xF5 : (byte)0xF4);
                break;
            case int i:
                WriteCbor(output, (long)i);
                break;
            case long l when l >= 0:
                AddCborHead(output, 0, (ulong)l);
                break;
            case long l:
                AddCborHead(output, 1, (ulong)(-1 - l));
                break;
            case ulong u:
                AddCborHead(output, 0, u);
                break;
            case double d:
                output.Add(0xFB);
                AddBigEndian(output, (ulong)BitConverter.DoubleToInt64Bits(d), 8);
                break;
            case JsonNumber n:
                WriteCbor(output, n.Binary);
                break;
            case string s:
                WriteCbor(output, new RawText(Encoding.UTF8.GetBytes(s)));
                break;
            case RawText t:
                AddCborHead(output, 3, (ulong)t.Bytes.Length);
                output.AddRange(t.Bytes);
                break;
            case byte[] bytes:
                AddCborHead(output, 2, (ulong)bytes.Length);
                output.AddRange(bytes);
                break;
            case IReadOnlyDictionary<string, object?> dict:
                WriteCbor(output, ToRawMap(dict));
                break;
            case RawMap map:
                AddCborHead(output, 5, (ulong)map.Entries.Count);
                foreach (var (key, item) in map.Entries)
                {
                    WriteCbor(output, key);
                    WriteCbor(output, item);
                }

                break;
            case IEnumerable<object?> list:
                var items = list.ToList();
                AddCborHead(output, 4, (ulong)items.Count);
                foreach (var item in items)
                {
                    WriteCbor(output, item);
                }

                break;
            default:
                throw new ArgumentException($"Cannot write {value.GetType().Name}.", nameof(value));
        }
    }

    private static RawMap ToRawMap(IReadOnlyDictionary<string, object?> dict) =>
        new([.. dict.Select(p => new KeyValuePair<object?, object?>(p.Key, p.Value))]);

    private static void AddCborHead(List<byte> output, int major, ulong argument)
    {
        var type = (byte)(major << 5);
        switch (argument)
        {
            case < 24:
                output.Add((byte)(type | (byte)argument));
                break;
            case <= byte.MaxValue:
                output.Add((byte)(type | 24));
                output.Add((byte)argument);
                break;
            case <= ushort.MaxValue:
                output.Add((byte)(type | 25));
                AddBigEndian(output, argument, 2);
                break;
            case <= uint.MaxValue:
                output.Add((byte)(type | 26));
                AddBigEndian(output, argument, 4);
                break;
            default:
                output.Add((byte)(type | 27));
                AddBigEndian(output, argument, 8);
                break;
        }
    }

    private static void AddBigEndian(List<byte> output, ulong value, int size)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        foreach (var b in bytes[(8 - size)..])
        {
            output.Add(b);
        }
    }
}
