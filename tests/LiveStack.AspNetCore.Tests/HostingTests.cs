using LiveStack.Testing;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveStack.AspNetCore.Tests;

public class HostingTests
{
    [Fact]
    public async Task StoppingTheHostSaysGoodbyeWithSystemShutdown()
    {
        var host = await RouterHost.StartAsync();
        var peer = await TestPeer.JoinAsync(host.WebSocketUrl);
        var received = peer.ReceiveAsync<GoodbyeMessage>(TimeSpan.FromSeconds(15));

        var stopping = host.DisposeAsync();
        var goodbye = await received;
        Assert.Equal(WampErrors.SystemShutdown, goodbye.Reason);
        await peer.SendAsync(new GoodbyeMessage(new Dictionary<string, object?>(), WampErrors.GoodbyeAndOut));
        await stopping;
        await peer.DisposeAsync();
    }

    [Theory]
    [InlineData("MaxMessageSize")]
    [InlineData("OutboundQueueCapacity")]
    [InlineData("Realm")]
    public async Task InvalidOptionsFailAtStartWithTheSettingNamed(string setting)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RouterHost.StartAsync(o =>
        {
            switch (setting)
            {
                case "MaxMessageSize":
                    o.MaxMessageSize = 17 * 1024 * 1024;
                    break;
                case "OutboundQueueCapacity":
                    o.OutboundQueueCapacity = 0;
                    break;
                default:
                    o.Realms.Add(new Router.RealmOptions { Name = "not a realm" });
                    break;
            }
        }));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapLiveStackWithoutAddLiveStackExplainsTheFix()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapLiveStack());
        Assert.Contains("AddLiveStack", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsBindFromConfiguration()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LiveStack:Realms:0:Name"] = "com.example.app",
            ["LiveStack:MaxMessageSize"] = "2048",
            ["LiveStack:SlowConsumerPolicy"] = "Disconnect",
            ["LiveStack:RawSocket:Port"] = "0",
        });
        builder.Services.AddLiveStack();
        using var app = builder.Build();

        var options = app.Services.GetRequiredService<IOptions<LiveStackOptions>>().Value;
        Assert.Equal(["com.example.app"], options.Realms.Select(r => r.Name));
        Assert.Equal(2048, options.MaxMessageSize);
        Assert.Equal(Router.SlowConsumerPolicy.Disconnect, options.SlowConsumerPolicy);
        Assert.Equal(["com.example.app"], app.Services.GetRequiredService<Router.WampRouter>().RealmNames);
    }
}
