using LiveStack.Conformance.Running;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Conformance.Tests;

/// <summary>Every script also passes over msgpack and cbor: scripts are serializer-neutral unless they say otherwise.</summary>
public sealed class SerializerTests(RouterFixture router) : IClassFixture<RouterFixture>
{
    [Theory]
    [InlineData(WampSerializer.MessagePack)]
    [InlineData(WampSerializer.Cbor)]
    public async Task EveryScriptPassesOver(WampSerializer serializer)
    {
        var failures = new List<string>();
        foreach (var name in ScriptCatalog.Names)
        {
            var result = await ScriptRunner.RunAsync(ScriptCatalog.Get(name), router.Settings(serializer));
            if (result.Outcome == ScriptOutcome.Failed)
            {
                failures.Add($"{name}:\n{result.Report()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
