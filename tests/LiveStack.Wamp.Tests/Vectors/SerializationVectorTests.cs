using LiveStack.Wamp.Tests.Support;

namespace LiveStack.Wamp.Tests.Vectors;

/// <summary>
/// Every serialization sample of the spec's vectors, for each of our serializers: every listed
/// encoding decodes to <c>expected_attributes</c>, and what we encode decodes back to the same message.
/// </summary>
public sealed class SerializationVectorTests
{
    public static TheoryData<string, int, string> Cases() => Build(includeRefused: true);

    public static TheoryData<string, int, string> AcceptedCases() => Build(includeRefused: false);

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryVariantDecodesToTheExpectedAttributes(string file, int sample, string serializer)
    {
        var vector = VectorCatalog.Sample(file, sample);
        var codec = TestCodecs.ByName(serializer);
        var variants = VectorCatalog.Variants(vector, serializer);
        Assert.NotEmpty(variants);

        if (VectorExclusions.Refused.TryGetValue((file, sample), out var reason))
        {
            foreach (var variant in variants)
            {
                VectorExclusions.AssertRefused(reason, () => codec.Decode(variant));
            }

            return;
        }

        foreach (var variant in variants)
        {
            VectorAttributes.AssertMatches(vector.GetProperty("expected_attributes"), codec.Decode(variant));
        }
    }

    [Theory]
    [MemberData(nameof(AcceptedCases))]
    public void EveryVariantRoundTrips(string file, int sample, string serializer)
    {
        var codec = TestCodecs.ByName(serializer);
        foreach (var variant in VectorCatalog.Variants(VectorCatalog.Sample(file, sample), serializer))
        {
            var decoded = codec.Decode(variant);
            var again = codec.Decode(codec.EncodeToArray(decoded));
            Assert.Equal(Canonical.Render(decoded), Canonical.Render(again));
        }
    }

    // Byte equality is a bonus, not a spec rule (vectors/README.md: key order and float formatting may
    // vary), but every accepted vector holds it today: a difference means our encoder changed shape
    // (integer widths, str vs bin, JSON spacing) and deserves a look before the vector is blamed.
    [Theory]
    [MemberData(nameof(AcceptedCases))]
    public void ReEncodingReproducesAListedVariant(string file, int sample, string serializer)
    {
        var codec = TestCodecs.ByName(serializer);
        var variants = VectorCatalog.Variants(VectorCatalog.Sample(file, sample), serializer);
        var listed = variants.Select(Convert.ToHexStringLower).ToArray();
        foreach (var variant in variants)
        {
            Assert.Contains(Convert.ToHexStringLower(codec.EncodeToArray(codec.Decode(variant))), listed);
        }
    }

    private static TheoryData<string, int, string> Build(bool includeRefused)
    {
        var data = new TheoryData<string, int, string>();
        foreach (var (file, index, sample) in VectorCatalog.Samples())
        {
            if (VectorCatalog.IsValidation(sample) || (!includeRefused && VectorExclusions.Refused.ContainsKey((file, index))))
            {
                continue;
            }

            foreach (var serializer in TestCodecs.Names)
            {
                data.Add(file, index, serializer);
            }
        }

        return data;
    }
}
