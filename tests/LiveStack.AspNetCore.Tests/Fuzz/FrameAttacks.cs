using LiveStack.Wamp.Serialization;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>
/// Frames that are broken as bytes or as a value tree: truncated, wrongly typed, too deep, too
/// big, not UTF-8, random or mutated. Each is sent at a random stage of a session; the context's
/// oracle works out how the router must react.
/// </summary>
internal static class FrameAttacks
{
    // Bytes that are structurally meaningful in at least one of the formats (as in the codec mutation tests).
    private static readonly byte[] Interesting =
    [
        0x00, 0x01, 0x1e, 0x1f, 0x20, 0x22, 0x2c, 0x30, 0x3a, 0x5b, 0x5c, 0x5d, 0x7b, 0x7d, 0x7f, 0x80, 0x81, 0x90, 0x9f,
        0xa0, 0xbf, 0xc0, 0xc1, 0xc4, 0xc7, 0xd4, 0xd9, 0xdc, 0xdd, 0xde, 0xdf, 0xf7, 0xf9, 0xfb, 0xff,
    ];

    public static async Task<Ending> TruncatedAsync(AttackContext context)
    {
        await context.EnterRandomStageAsync();
        var frame = context.Encode(context.ValidMessage());
        return await context.ProbeAsync(frame[..context.Random.Next(1, frame.Length)]);
    }

    public static async Task<Ending> WrongElementTypeAsync(AttackContext context)
    {
        await context.EnterRandomStageAsync();
        var items = Elements(context);
        var random = context.Random;
        switch (random.Next(4))
        {
            case 0:
                items.RemoveAt(random.Next(1, items.Count));
                break;
            case 1:
                items.AddRange(Enumerable.Range(0, random.Next(1, 4)).Select(_ => context.Values.Plain()));
                break;
            default:
                var at = random.Next(items.Count);
                items[at] = WrongTypeFor(items[at], random);
                break;
        }

        return await context.ProbeAsync(context.EncodeRaw(items));
    }

    public static async Task<Ending> DeepNestingAsync(AttackContext context)
    {
        await context.EnterRandomStageAsync();
        var items = Elements(context);
        var nested = HostileValues.Nested(context.Random.Next(WampCodecs.MaxDepth + 1, 400), dictionaries: context.Random.Next(2) == 0);
        var dict = items.FindIndex(1, item => item is IReadOnlyDictionary<string, object?>);
        if (dict > 0)
        {
            items[dict] = new Dictionary<string, object?>((IReadOnlyDictionary<string, object?>)items[dict]!) { ["deep"] = nested };
        }
        else
        {
            items.Add(new List<object?> { nested });
        }

        return await context.ProbeAsync(context.EncodeRaw(items));
    }

    /// <summary>A string just over the size limit, or big but within it, in a URI, realm, authid, signature or payload.</summary>
    public static async Task<Ending> HugeStringAsync(AttackContext context)
    {
        await context.EnterRandomStageAsync();
        var random = context.Random;
        var items = Elements(context);
        var length = random.Next(2) == 0 ? FuzzRouter.MaxMessageSize + random.Next(1, 4096) : random.Next(1000, FuzzRouter.MaxMessageSize - 2000);
        var huge = new string((char)random.Next('a', 'z' + 1), length);
        var strings = Enumerable.Range(1, items.Count - 1).Where(i => items[i] is string).ToList();
        if (strings.Count > 0 && random.Next(3) > 0)
        {
            items[strings[random.Next(strings.Count)]] = huge;
        }
        else
        {
            AddToPayload(items, huge, random);
        }

        return await context.ProbeAsync(context.EncodeRaw(items));
    }

    /// <summary>An id out of range, or a number at the edge of what the serializers carry in the payload.</summary>
    public static async Task<Ending> HugeNumberAsync(AttackContext context)
    {
        await context.EnterRandomStageAsync();
        var random = context.Random;
        var items = Elements(context);
        var ids = Enumerable.Range(1, items.Count - 1).Where(i => items[i] is long).ToList();
        if (ids.Count > 0 && random.Next(2) == 0)
        {
            items[ids[random.Next(ids.Count)]] = context.Values.OutOfRangeId();
        }
        else
        {
            AddToPayload(items, context.Values.HugeNumber(), random);
        }

        return await context.ProbeAsync(context.EncodeRaw(items));
    }

    public static async Task<Ending> InvalidUtf8Async(AttackContext context)
    {
        await context.EnterRandomStageAsync();
        var random = context.Random;
        var items = Elements(context);
        var strings = Enumerable.Range(1, items.Count - 1).Where(i => items[i] is string).ToList();
        var dicts = Enumerable.Range(1, items.Count - 1).Where(i => items[i] is IReadOnlyDictionary<string, object?>).ToList();
        if (strings.Count > 0 && (dicts.Count == 0 || random.Next(2) == 0))
        {
            items[strings[random.Next(strings.Count)]] = context.Values.InvalidUtf8();
        }
        else if (dicts.Count > 0)
        {
            // A bad key, or a bad value under an ordinary key.
            var at = dicts[random.Next(dicts.Count)];
            var entries = ((IReadOnlyDictionary<string, object?>)items[at]!).Select(p => new KeyValuePair<object?, object?>(p.Key, p.Value)).ToList();
            entries.Add(random.Next(2) == 0 ? new(context.Values.InvalidUtf8(), 1L) : new("bad", context.Values.InvalidUtf8()));
            items[at] = new RawMap(entries);
        }
        else
        {
            items.Add(new List<object?> { context.Values.InvalidUtf8() });
        }

        return await context.ProbeAsync(context.EncodeRaw(items));
    }

    /// <summary>Random bytes; sometimes behind a valid array header, so decoders get past the first byte.</summary>
    public static async Task<Ending> GarbageAsync(AttackContext context)
    {
        await context.EnterRandomStageAsync();
        var random = context.Random;
        var garbage = context.Values.RandomBytes(random.Next(1, 300));
        if (random.Next(2) == 0)
        {
            garbage = [.. context.EncodeRaw(new List<object?> { 16L })[..^1], .. garbage];
        }

        return await context.ProbeAsync(garbage);
    }

    /// <summary>A few byte edits of a valid frame, as in the codec mutation tests, but sent to the router.</summary>
    public static async Task<Ending> MutationAsync(AttackContext context)
    {
        await context.EnterRandomStageAsync();
        var random = context.Random;
        var bytes = context.Encode(context.ValidMessage()).ToList();
        for (var edits = random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 2:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3:
                    bytes.RemoveAt(at);
                    break;
                default:
                    var length = random.Next(1, Math.Min(16, bytes.Count - at) + 1);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
            }
        }

        return await context.ProbeAsync([.. bytes]);
    }

    /// <summary>An id outside [1, 2^53] in each place a client sends one.</summary>
    public static async Task<Ending> OutOfRangeIdAsync(AttackContext context)
    {
        await context.EnterEstablishedAsync();
        var bad = context.Values.OutOfRangeId();
        var wire = context.Wire;
        var tag = context.Tag;
        var options = new Dictionary<string, object?>();
        object?[] message = context.Random.Next(9) switch
        {
            0 => [32L, bad, options, $"{tag}.t"],
            1 => [16L, bad, options, $"{tag}.t"],
            2 => [48L, bad, options, $"{tag}.p"],
            3 => [64L, bad, options, $"{tag}.p"],
            4 => [34L, wire.NextRequest(), bad],
            5 => [66L, wire.NextRequest(), bad],
            6 => [70L, bad, options],
            7 => [49L, bad, options],
            _ => [8L, 68L, bad, options, "com.fuzz.error"],
        };
        return await context.ProbeAsync(context.EncodeRaw(message));
    }

    private static List<object?> Elements(AttackContext context) => [.. WampMessageConverter.ToArray(context.ValidMessage())];

    /// <summary>A value of another type than <paramref name="value"/> where WAMP allows no other (null arguments are allowed, so never null for a list).</summary>
    private static object? WrongTypeFor(object? value, Random random)
    {
        object?[] choices = value switch
        {
            long => ["1", 1.5, null, true, new List<object?>(), new Dictionary<string, object?>()],
            string => [1L, null, true, 2.5, new byte[] { 1, 2 }, new List<object?>(), new Dictionary<string, object?>()],
            IReadOnlyDictionary<string, object?> => [new List<object?>(), "options", 1L, null, true],
            IReadOnlyList<object?> => ["arguments", 1L, true, new Dictionary<string, object?>()],
            _ => ["x", new List<object?>()],
        };
        return choices[random.Next(choices.Length)];
    }

    /// <summary>Puts <paramref name="value"/> into an options or details dictionary, or into the arguments.</summary>
    private static void AddToPayload(List<object?> items, object value, Random random)
    {
        var dicts = Enumerable.Range(1, items.Count - 1).Where(i => items[i] is IReadOnlyDictionary<string, object?>).ToList();
        if (dicts.Count > 0 && random.Next(2) == 0)
        {
            var at = dicts[random.Next(dicts.Count)];
            items[at] = new Dictionary<string, object?>((IReadOnlyDictionary<string, object?>)items[at]!) { ["edge"] = value };
        }
        else
        {
            items.Add(new List<object?> { value });
        }
    }
}
