using LiveStack.Wamp.Serialization;
using LiveStack.Wamp.Tests.Support;

namespace LiveStack.Wamp.Tests.Vectors;

/// <summary>
/// Every validation sample of the spec's vectors (a raw wire message, <c>wmsg</c>), written in each of
/// our serializers: it decodes to exactly that wire message, or is refused where VectorExclusions says so.
/// </summary>
public sealed class ValidationVectorTests
{
    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var (file, index, sample) in VectorCatalog.Samples())
        {
            if (!VectorCatalog.IsValidation(sample))
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

    [Theory]
    [MemberData(nameof(Cases))]
    public void WireMessageHasTheDocumentedOutcome(string file, int sample, string serializer)
    {
        var wmsg = VectorCatalog.Sample(file, sample).GetProperty("wmsg");
        var frame = TestFrames.FromJson(serializer, wmsg.GetRawText());
        var codec = TestCodecs.ByName(serializer);

        if (VectorExclusions.Refused.TryGetValue((file, sample), out var reason))
        {
            VectorExclusions.AssertRefused(reason, () => codec.Decode(frame));
            return;
        }

        // Samples with expected_error land here too: option types are the router's to check (see VectorExclusions).
        var decoded = WampMessageConverter.ToArray(codec.Decode(frame));
        Assert.Equal(Canonical.Render(wmsg), Canonical.Render(decoded));
    }
}
