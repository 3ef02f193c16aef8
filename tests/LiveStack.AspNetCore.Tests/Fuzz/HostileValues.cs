using System.Text;
using LiveStack.Wamp;
using LiveStack.Wamp.Serialization;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>Random values, ordinary and hostile, for one serializer; reproducible from the <see cref="Random"/> given.</summary>
internal sealed class HostileValues(Random random, WampSerializer serializer)
{
    /// <summary>Byte sequences that are not UTF-8: a stray continuation byte, overlong forms, a surrogate, beyond U+10FFFF, a cut sequence, 0xFF.</summary>
    private static readonly byte[][] NotUtf8 =
    [
        [0x80], [0xC3, 0x28], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF], [0xFE, 0xFE],
    ];

    /// <summary>Integers no WAMP id may be: 0, negatives, above 2^53, beyond 64 bits.</summary>
    public object OutOfRangeId() => random.Next(7) switch
    {
        0 => 0L,
        1 => -1L,
        2 => WampIds.Max + 1,
        3 => long.MaxValue,
        4 => long.MinValue,
        5 => ulong.MaxValue,
        _ => new JsonNumber("123456789012345678901234567890", ulong.MaxValue - 1),
    };

    /// <summary>A number at or beyond the edges of what the serializers carry.</summary>
    public object HugeNumber() => random.Next(8) switch
    {
        0 => ulong.MaxValue,
        1 => long.MinValue,
        2 => double.MaxValue,
        3 => -double.Epsilon,
        4 => new JsonNumber("1e400", double.PositiveInfinity),
        5 => new JsonNumber("-1" + new string('0', random.Next(20, 400)), double.NegativeInfinity),
        6 => new JsonNumber(new string('9', random.Next(20, 400)), double.NaN),
        _ => WampIds.Max + 1,
    };

    /// <summary>A string that is not UTF-8: ASCII around a bad sequence.</summary>
    public RawText InvalidUtf8()
    {
        var bad = NotUtf8[random.Next(NotUtf8.Length)];
        var prefix = Encoding.ASCII.GetBytes(Word());
        var suffix = random.Next(2) == 0 ? [] : Encoding.ASCII.GetBytes(Word());
        return new RawText([.. prefix, .. bad, .. suffix]);
    }

    /// <summary>
    /// A string the serializer can carry but that is unusual: escapes of a lone surrogate (JSON), NUL,
    /// U+FFFF, right-to-left marks, combining characters, emoji.
    /// </summary>
    public object OddString() => random.Next(5) switch
    {
        0 when serializer == WampSerializer.Json => new RawText("\\ud800x"u8.ToArray()),
        1 => "nul\0inside",
        2 => "\uffff\u202e\u0301",
        3 => string.Concat(Enumerable.Repeat("🦀", random.Next(1, 200))),
        _ => new string('ä', random.Next(1, 3000)),
    };

    /// <summary>Lists (or dictionaries) nested <paramref name="depth"/> deep around a scalar.</summary>
    public static object Nested(int depth, bool dictionaries)
    {
        object value = "bottom";
        for (var i = 0; i < depth; i++)
        {
            value = dictionaries ? new Dictionary<string, object?> { ["d"] = value } : new List<object?> { value };
        }

        return value;
    }

    /// <summary>An ordinary payload value that every codec can write, at most <paramref name="depth"/> levels deep.</summary>
    public object? Plain(int depth = 2) => random.Next(depth > 0 ? 9 : 7) switch
    {
        0 => null,
        1 => random.Next(2) == 0,
        2 => random.NextInt64(-1_000_000, 1_000_000),
        3 => Math.Round(random.NextDouble() * 1000, 3),
        4 => Word(),
        5 => "ünïcödé ✓ 🦀",
        6 => RandomBytes(random.Next(0, 16)),
        7 => Enumerable.Range(0, random.Next(0, 4)).Select(_ => Plain(depth - 1)).ToList(),
        _ => Enumerable.Range(0, random.Next(0, 4)).ToDictionary(i => $"k{i}", _ => Plain(depth - 1)),
    };

    /// <summary>An arbitrary payload value of at most <paramref name="depth"/> levels, sometimes hostile.</summary>
    public object? Any(int depth = 3) => random.Next(depth > 0 ? 14 : 10) switch
    {
        0 => null,
        1 => random.Next(2) == 0,
        2 => random.NextInt64(long.MinValue, long.MaxValue),
        3 => random.NextDouble() * Math.Pow(10, random.Next(-300, 300)),
        4 => HugeNumber(),
        5 => Word(),
        6 => OddString(),
        7 => InvalidUtf8(),
        8 => RandomBytes(random.Next(0, 64)),
        9 => new string('x', random.Next(0, 8000)),
        10 or 11 => Enumerable.Range(0, random.Next(0, 5)).Select(_ => Any(depth - 1)).ToList(),
        _ => Map(depth - 1),
    };

    /// <summary>A map with ordinary or hostile keys, sometimes repeated.</summary>
    public object Map(int depth)
    {
        var entries = new List<KeyValuePair<object?, object?>>();
        for (var i = random.Next(0, 5); i > 0; i--)
        {
            object? key = random.Next(10) switch
            {
                0 => InvalidUtf8(),
                1 => random.NextInt64(),
                2 => entries.Count > 0 ? entries[0].Key : Word(),
                3 => OddString(),
                _ => Word(),
            };
            entries.Add(new(key, Any(depth)));
        }

        return new RawMap(entries);
    }

    public string Word() => new([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => (char)random.Next('a', 'z' + 1))]);

    public byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
