namespace LiveStack.Conformance.Tests;

/// <summary>The scripts in scripts/meta, each run against our router as its own test case.</summary>
public sealed class MetaScripts(RouterFixture router) : IClassFixture<RouterFixture>
{
    /// <summary>The script names.</summary>
    public static TheoryData<string> Scripts => ScriptCatalog.In("meta");

    /// <summary>The script passes.</summary>
    [Theory]
    [MemberData(nameof(Scripts))]
    public Task Passes(string script) => router.AssertPassesAsync(script);
}
