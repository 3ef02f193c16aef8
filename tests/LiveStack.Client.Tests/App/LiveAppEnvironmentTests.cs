using LiveStack.Router;
using LiveStack.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LiveStack.Client.Tests.App;

/// <summary>Configuration from environment variables; the variables are process-wide, so these run alone.</summary>
[Collection(EnvironmentTests.Name)]
public sealed class LiveAppEnvironmentTests
{
    private const string OtherRealm = "com.app.environment";

    [Fact]
    public async Task UrlAndRealmComeFromLiveStackUrlAndLiveStackRealm()
    {
        await using var router = await RouterHost.StartAsync(o =>
        {
            o.Realms.Add(RealmOptions.Open("realm1"));
            o.Realms.Add(RealmOptions.Open(OtherRealm));
        });
        var url = router.WebSocketUrl.ToString();
        using var urlVariable = new EnvironmentVariable("LIVESTACK_URL", url);
        using var realmVariable = new EnvironmentVariable("LIVESTACK_REALM", OtherRealm);
        await using var app = Build([]);

        await app.StartAsync().WaitAsync(TestWait.Timeout);
        var session = await app.Client.WhenReadyAsync().WaitAsync(TestWait.Timeout);

        Assert.Equal([url], app.Client.Options.Urls);
        Assert.Equal(OtherRealm, session.Realm);
    }

    [Fact]
    public async Task LiveStackUrlReplacesConfiguredUrlsAndMayListSeveral()
    {
        await using var router = await RouterHost.StartAsync();
        var live = router.WebSocketUrl.ToString();
        var dead = $"ws://127.0.0.1:{RouterHost.FreePort()}/ws";
        using var urlVariable = new EnvironmentVariable("LIVESTACK_URL", $"{dead}, {live}");
        var builder = LiveApp.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LiveStack:Client:Urls:0"] = "ws://127.0.0.1:1/configured",
            ["LiveStack:Client:Reconnect:InitialDelay"] = "00:00:00.05",
        });
        await using var app = builder.Build();

        await app.StartAsync().WaitAsync(TestWait.Timeout);
        await app.Client.WhenReadyAsync().WaitAsync(TestWait.Timeout);

        Assert.Equal([dead, live], app.Client.Options.Urls);
    }

    [Fact]
    public async Task CommandLineWinsOverEnvironmentVariables()
    {
        await using var router = await RouterHost.StartAsync();
        var live = router.WebSocketUrl.ToString();
        using var urlVariable = new EnvironmentVariable("LIVESTACK_URL", $"ws://127.0.0.1:{RouterHost.FreePort()}/ws");
        using var realmVariable = new EnvironmentVariable("LIVESTACK_REALM", "com.app.nowhere");
        await using var app = Build(["--url", live, "--realm", "realm1"]);

        await app.StartAsync().WaitAsync(TestWait.Timeout);
        var session = await app.Client.WhenReadyAsync().WaitAsync(TestWait.Timeout);

        Assert.Equal([live], app.Client.Options.Urls);
        Assert.Equal("realm1", session.Realm);
    }

    [Fact]
    public async Task TheGenericEnvironmentVariableFormWorksToo()
    {
        await using var router = await RouterHost.StartAsync(o =>
        {
            o.Realms.Add(RealmOptions.Open("realm1"));
            o.Realms.Add(RealmOptions.Open(OtherRealm));
        });
        using var urlVariable = new EnvironmentVariable("LiveStack__Client__Urls__0", router.WebSocketUrl.ToString());
        using var realmVariable = new EnvironmentVariable("LiveStack__Client__Realm", OtherRealm);
        await using var app = Build([]);

        await app.StartAsync().WaitAsync(TestWait.Timeout);
        var session = await app.Client.WhenReadyAsync().WaitAsync(TestWait.Timeout);

        Assert.Equal(OtherRealm, session.Realm);
    }

    [Fact]
    public void InvalidSerializerFromTheEnvironmentFailsWithTheKeyNamed()
    {
        using var serializerVariable = new EnvironmentVariable("LiveStack__Client__Serializer", "xml");

        var error = Assert.Throws<InvalidOperationException>(() => Build([]));

        Assert.Contains("LiveStack:Client:Serializer", error.Message, StringComparison.Ordinal);
    }

    private static LiveApp Build(string[] args)
    {
        var builder = LiveApp.CreateBuilder(args);
        builder.Logging.ClearProviders();
        return builder.Build();
    }
}
