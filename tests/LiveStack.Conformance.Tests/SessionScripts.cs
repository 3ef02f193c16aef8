namespace LiveStack.Conformance.Tests;

/// <summary>The scripts in scripts/session, each run against our router as its own test case.</summary>
public sealed class SessionScripts(RouterFixture router) : IClassFixture<RouterFixture>
{
    /// <summary>The script names.</summary>
    public static TheoryData<string> Scripts => ScriptCatalog.In("session");

    /// <summary>The script passes.</summary>
    [Theory]
    [MemberData(nameof(Scripts))]
    public Task Passes(string script) => router.AssertPassesAsync(script);
}
