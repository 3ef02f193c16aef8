namespace LiveStack.Conformance.Tests;

/// <summary>The scripts in scripts/ids, each run against our router as its own test case.</summary>
public sealed class IdsScripts(RouterFixture router) : IClassFixture<RouterFixture>
{
    /// <summary>The script names.</summary>
    public static TheoryData<string> Scripts => ScriptCatalog.In("ids");

    /// <summary>The script passes.</summary>
    [Theory]
    [MemberData(nameof(Scripts))]
    public Task Passes(string script) => router.AssertPassesAsync(script);
}
