using LiveStack.Wamp.Tests.Support;

namespace LiveStack.Wamp.Tests.Codecs;

/// <summary>
/// Randomized, but reproducible (fixed seed): thousands of small corruptions of valid frames. Each
/// must either decode or be refused with WampProtocolException; anything else would let a peer crash
/// the session loop. Whatever decodes must also re-encode and decode to the same message, because
/// the router relays what it accepts.
/// </summary>
public sealed class MutationTests
{
    private const int Seed = 20260614;
    private const int MutationsPerSerializer = 4000;

    // Bytes that are structurally meaningful in at least one of the formats (headers, delimiters, escapes).
    private static readonly byte[] Interesting =
    [
        0x00, 0x01, 0x1e, 0x1f, 0x20, 0x22, 0x2c, 0x30, 0x3a, 0x5b, 0x5c, 0x5d, 0x7b, 0x7d, 0x7f, 0x80, 0x81, 0x90, 0x9f,
        0xa0, 0xbf, 0xc0, 0xc1, 0xc4, 0xc7, 0xd4, 0xd9, 0xdc, 0xdd, 0xde, 0xdf, 0xf7, 0xf9, 0xfb, 0xff,
    ];

    public static TheoryData<string> Serializers => TestCodecs.NameData;

    [Theory]
    [MemberData(nameof(Serializers))]
    public void MutatedFramesDecodeOrAreRefusedWithProtocolException(string serializer)
    {
        var codec = TestCodecs.ByName(serializer);
        var frames = SampleMessages.ByName.Values.Select(codec.EncodeToArray).ToArray();
        var random = new Random(Seed);

        for (var i = 0; i < MutationsPerSerializer; i++)
        {
            var frame = Mutate(frames[random.Next(frames.Length)], random);
            try
            {
                var decoded = codec.Decode(frame);
                Assert.Equal(Canonical.Render(decoded), Canonical.Render(codec.Decode(codec.EncodeToArray(decoded))));
            }
            catch (WampProtocolException)
            {
                // The expected way to refuse.
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"Mutation {i} ({Convert.ToHexStringLower(frame)}) threw {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private static byte[] Mutate(byte[] frame, Random random)
    {
        var bytes = new List<byte>(frame);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
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
                    // Repeat a slice, which duplicates items without adjusting the counts that precede them.
                    var length = random.Next(1, Math.Min(16, bytes.Count - at) + 1);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }
}
