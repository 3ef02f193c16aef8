using LiveStack.Wamp.Tests.Support;

namespace LiveStack.Wamp.Tests.Vectors;

/// <summary>Keeps the vector tests honest: nothing in the vectors is ignored without a documented reason.</summary>
public sealed class VectorCatalogTests
{
    [Fact]
    public void VectorsWereCopiedToTheOutput() => Assert.True(VectorCatalog.Files.Count >= 26, $"Only {VectorCatalog.Files.Count} vector files found.");

    [Fact]
    public void EveryListedSerializerIsTestedOrDocumentedAsUnsupported()
    {
        var listed = VectorCatalog.Samples()
            .Where(s => !VectorCatalog.IsValidation(s.Sample))
            .SelectMany(s => s.Sample.GetProperty("serializers").EnumerateObject().Select(p => p.Name))
            .ToHashSet(StringComparer.Ordinal);

        var unaccounted = listed.Except(TestCodecs.Names).Except(VectorExclusions.UnsupportedSerializers.Keys);
        Assert.Empty(unaccounted);
    }

    [Fact]
    public void EveryRefusedEntryNamesAnExistingSample()
    {
        var samples = VectorCatalog.Samples().Select(s => (s.File, s.Index)).ToHashSet();
        Assert.All(VectorExclusions.Refused.Keys, key => Assert.Contains(key, samples));
    }

    [Fact]
    public void EverySampleIsEitherSerializationOrValidation()
    {
        Assert.All(VectorCatalog.Samples(), s => Assert.True(
            VectorCatalog.IsValidation(s.Sample) || s.Sample.TryGetProperty("expected_attributes", out _),
            $"{s.File} sample {s.Index} has neither wmsg nor expected_attributes."));
    }
}
