using LiveStack.Cli.Config;

namespace LiveStack.Cli.Tests;

public sealed class LiveStackConfigFileTests : IDisposable
{
    private const string Realms = """
        "Realms": [ { "Name": "com.example.app",
            "Roles": [ { "Name": "user", "Permissions": [ { "Uri": "com.example.app.", "Match": "prefix", "Call": true } ] } ],
            "Auth": { "AnonymousRole": null, "Ticket": { "alice": { "Ticket": "t", "Role": "user" } } } } ]
        """;

    private readonly TestConfig _files = new();

    [Fact]
    public void TheBareSectionAndTheWrappedSectionGiveTheSameSettings()
    {
        var bare = ServeConfigFile.Load(_files.Write($$"""{ {{Realms}}, "Serve": { "Port": 9000 }, "HelloTimeout": "00:00:05" }""", "bare.json"), _ => null);
        var wrapped = ServeConfigFile.Load(_files.Write($$"""{ "LiveStack": { {{Realms}}, "Serve": { "Port": 9000 }, "HelloTimeout": "00:00:05" } }""", "wrapped.json"), _ => null);

        Assert.Empty(bare.Issues);
        Assert.Empty(wrapped.Issues);
        Assert.Equal(bare.Settings.OrderBy(s => s.Key, StringComparer.Ordinal), wrapped.Settings.OrderBy(s => s.Key, StringComparer.Ordinal));
        var options = TestConfig.Bind(bare.Settings);
        Assert.Equal("user", options.Realms[0].Auth.Ticket["alice"].Role);
        Assert.Equal(TimeSpan.FromSeconds(5), options.HelloTimeout);
        Assert.Equal(9000, TestConfig.Listener(bare.Settings).Port);
    }

    [Theory]
    [InlineData("""{ "Realm": [ { "Name": "realm1" } ] }""", "LiveStack:Realm")]
    [InlineData("""{ "Realms": [ { "Name": "realm1", "Roles": [ { "Name": "user", "Permisions": [] }, { "Name": "admin", "Permisions": [ { "Uri": "a" } ] } ] } ] }""", "LiveStack:Realms:0:Roles:1:Permisions")]
    [InlineData("""{ "LiveStack": { "RawSocket": { "Prot": 8081 } } }""", "LiveStack:RawSocket:Prot")]
    [InlineData("""{ "Serve": { "Hots": "0.0.0.0" } }""", "LiveStack:Serve:Hots")]
    [InlineData("""{ "HttpUser": { "Map": "x" } }""", "LiveStack:HttpUser:Map")]
    public void AKeyThatIsNoSettingIsAnErrorNamingIt(string json, string key)
    {
        var config = ServeConfigFile.Load(_files.Write(json), _ => null);

        var error = Assert.Single(config.Issues);
        Assert.True(error.IsError);
        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void OtherSectionsOfAWrappedFileAreIgnoredWithAWarning()
    {
        var config = ServeConfigFile.Load(_files.Write("""{ "$schema": "x", "Logging": { "LogLevel": { "Default": "Debug" } }, "LiveStack": { "AutoCreateRealms": true } }"""), _ => null);

        var warning = Assert.Single(config.Issues);
        Assert.Equal(("Logging", false), (warning.Key, warning.IsError));
        Assert.Equal(["LiveStack:AutoCreateRealms"], config.Settings.Keys);
    }

    [Theory]
    [InlineData("{ \"Realms\": [ }", "is not valid JSON")]
    [InlineData("[]", "must hold a JSON object")]
    public void AFileThatIsNoJsonObjectIsAnError(string json, string message)
    {
        var config = ServeConfigFile.Load(_files.Write(json), _ => null);

        Assert.Contains(message, Assert.Single(config.Issues, i => i.IsError).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileIsAnError()
    {
        var config = ServeConfigFile.Load(Path.Combine(Path.GetTempPath(), "no-such-livestack.json"), _ => null);

        Assert.StartsWith("cannot be read", Assert.Single(config.Issues, i => i.IsError).Message, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
