using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace LiveStack.Wamp.Tests.Vectors;

/// <summary>
/// Reads the WAMP specification's single-message test vectors, copied unchanged into vectors/ and
/// from there into the output folder (see vectors/README.md for their origin and licence).
/// </summary>
internal static class VectorCatalog
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "vectors", "singlemessage");

    private static readonly ConcurrentDictionary<string, JsonElement> Cache = new(StringComparer.Ordinal);

    /// <summary>Every vector file, relative to singlemessage/ with forward slashes, e.g. <c>basic/publish.json</c>.</summary>
    public static IReadOnlyList<string> Files { get; } =
        [.. Directory.GetFiles(Root, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public static JsonElement File(string file) => Cache.GetOrAdd(file, static name =>
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(Path.Combine(Root, name)));
        return document.RootElement.Clone();
    });

    public static JsonElement Sample(string file, int index) => File(file).GetProperty("samples")[index];

    /// <summary>Every sample of every file with its index in the file's <c>samples</c> list.</summary>
    public static IEnumerable<(string File, int Index, JsonElement Sample)> Samples() =>
        Files.SelectMany(file => File(file).GetProperty("samples").EnumerateArray().Select((sample, index) => (file, index, sample)));

    /// <summary>
    /// A validation sample holds a raw wire message (<c>wmsg</c>) and, when it must be refused,
    /// <c>expected_error</c>; a serialization sample holds encodings and <c>expected_attributes</c>.
    /// </summary>
    public static bool IsValidation(JsonElement sample) => sample.TryGetProperty("wmsg", out _);

    /// <summary>
    /// The encodings a serialization sample lists for one serializer. <c>bytes_hex</c> is exact;
    /// JSON variants that only give <c>bytes</c> hold the UTF-8 text itself.
    /// </summary>
    public static IReadOnlyList<byte[]> Variants(JsonElement sample, string serializer) =>
        sample.GetProperty("serializers").TryGetProperty(serializer, out var variants)
            ? [.. variants.EnumerateArray().Select(Bytes)]
            : [];

    private static byte[] Bytes(JsonElement variant) =>
        variant.TryGetProperty("bytes_hex", out var hex) ? Convert.FromHexString(hex.GetString()!)
        : variant.TryGetProperty("bytes", out var text) ? Encoding.UTF8.GetBytes(text.GetString()!)
        : throw new InvalidDataException($"A variant without bytes_hex or bytes: {variant}");
}
