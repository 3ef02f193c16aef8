using LiveStack.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStack.Client.Tests.App;

public sealed class LiveAppTests
{
    [Fact]
    public async Task CreateWithUrlAndRealmSwitchesServesRegisteredProceduresAndSubscriptions()
    {
        await using var router = await RouterHost.StartAsync();
        var url = router.WebSocketUrl.ToString();
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = LiveApp.Create(["--url", url, "--realm", "realm1"]);
        app.Register("com.app.add", (int a, int b) => a + b);
        app.Subscribe("com.app.chat", (string text) =>
        {
            received.TrySetResult(text);
        });

        await app.StartAsync().WaitAsync(TestWait.Timeout);
        var session = await app.Client.WhenReadyAsync().WaitAsync(TestWait.Timeout);

        Assert.Equal([url], app.Client.Options.Urls);
        Assert.Equal("realm1", session.Realm);
        await using var other = await WampSession.ConnectAsync(url).WaitAsync(TestWait.Timeout);
        Assert.Equal(5, await other.CallAsync<int>("com.app.add", 2, 3).WaitAsync(TestWait.Timeout));
        await TestWait.PublishAsync(other, "com.app.chat", "hi");
        Assert.Equal("hi", await received.Task.WaitAsync(TestWait.Timeout));
        await app.StopAsync().WaitAsync(TestWait.Timeout);
    }

    [Fact]
    public async Task HandlersBindServicesTheCancellationTokenAndTheInvocation()
    {
        await using var router = await RouterHost.StartAsync();
        var url = router.WebSocketUrl.ToString();
        var builder = LiveApp.CreateBuilder(["--url", url]);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Greeter>();
        await using var app = builder.Build();
        app.Register("com.app.greet", (string name, Greeter greeter, CancellationToken cancellationToken, WampInvocation invocation) =>
            $"{greeter.Greet(name)} ({invocation.Procedure}, caller {invocation.Caller}, canceled {cancellationToken.IsCancellationRequested})");

        await app.StartAsync().WaitAsync(TestWait.Timeout);
        await app.Client.WhenReadyAsync().WaitAsync(TestWait.Timeout);
        await using var other = await WampSession.ConnectAsync(url).WaitAsync(TestWait.Timeout);
        var result = await other.CallAsync("com.app.greet", ["Ada"], null, new CallOptions { DiscloseMe = true }).WaitAsync(TestWait.Timeout);

        Assert.Equal($"Hello, Ada (com.app.greet, caller {other.Id}, canceled False)", result.As<string>());
        Assert.Same(app.Client, app.Services.GetRequiredService<LiveClient>());
    }

    [Fact]
    public async Task ComponentsDeclareAttributedMethodsAndConfigureAndAreDisposedWithTheApp()
    {
        await using var router = await RouterHost.StartAsync();
        var url = router.WebSocketUrl.ToString();
        var builder = LiveApp.CreateBuilder(["--url", url]);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Greeter>();
        builder.Services.AddSingleton<Inbox>();
        var app = builder.Build();
        var inbox = app.Services.GetRequiredService<Inbox>();
        app.AddComponent<CalculatorComponent>().AddComponent<ConfiguredComponent>();

        await app.StartAsync().WaitAsync(TestWait.Timeout);
        await app.Client.WhenReadyAsync().WaitAsync(TestWait.Timeout);
        await using (var other = await WampSession.ConnectAsync(url).WaitAsync(TestWait.Timeout))
        {
            Assert.Equal("Hello, Grace", await other.CallAsync<string>(CalculatorComponent.GreetProcedure, "Grace").WaitAsync(TestWait.Timeout));
            Assert.Equal(7, await other.CallAsync<int>(CalculatorComponent.AddProcedure, 3, 4).WaitAsync(TestWait.Timeout));
            Assert.Equal(42, await other.CallAsync<int>(ConfiguredComponent.DoubleProcedure, 21).WaitAsync(TestWait.Timeout));
            await TestWait.PublishAsync(other, CalculatorComponent.LogTopic, "one");
            Assert.Equal("log:one", await inbox.NextAsync());
            await TestWait.PublishAsync(other, ConfiguredComponent.NoteTopic, "two");
            Assert.Equal("note:two", await inbox.NextAsync());
        }

        Assert.Equal(0, inbox.Disposed);
        await app.DisposeAsync();
        Assert.Equal(1, inbox.Disposed);
        await app.DisposeAsync();
        Assert.Equal(1, inbox.Disposed);
    }

    [Fact]
    public async Task StopAsyncLeavesTheRealmAndDoesNotReconnect()
    {
        await using var router = await RouterHost.StartAsync();
        var baseline = router.Router.SessionCount;
        var builder = LiveApp.CreateBuilder(["--url", router.WebSocketUrl.ToString()]);
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        var ends = new List<WampSessionEnd>();
        app.Client.OnLeft(end =>
        {
            lock (ends)
            {
                ends.Add(end);
            }

            return Task.CompletedTask;
        });

        await app.StartAsync().WaitAsync(TestWait.Timeout);
        await app.Client.WhenReadyAsync().WaitAsync(TestWait.Timeout);
        Assert.Equal(baseline + 1, router.Router.SessionCount);
        await app.StopAsync().WaitAsync(TestWait.Timeout);

        lock (ends)
        {
            Assert.True(Assert.Single(ends).Requested);
        }

        await TestWait.TrueAsync(() => router.Router.SessionCount == baseline, "the router to drop the app's session");
        var error = await Assert.ThrowsAsync<WampException>(() => app.Client.WhenReadyAsync().WaitAsync(TestWait.Timeout));
        Assert.Equal(ClientErrors.ClientStopped, error.Uri);
    }

    [Fact]
    public async Task RunAsyncReturnsWhenCanceledAndLeavesTheRealm()
    {
        await using var router = await RouterHost.StartAsync();
        var baseline = router.Router.SessionCount;
        var builder = LiveApp.CreateBuilder(["--url", router.WebSocketUrl.ToString()]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        using var stop = new CancellationTokenSource();
        app.Client.OnReady(_ => stop.CancelAsync());

        await app.RunAsync(stop.Token).WaitAsync(TestWait.Timeout);

        await TestWait.TrueAsync(() => router.Router.SessionCount == baseline, "the router to drop the app's session");
        Assert.False(app.Client.IsReady);
    }

    [Fact]
    public async Task UrlsBindFromTheClientConfigurationSection()
    {
        await using var router = await RouterHost.StartAsync();
        var url = router.WebSocketUrl.ToString();
        var builder = LiveApp.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LiveStack:Client:Urls:0"] = url,
            ["LiveStack:Client:Reconnect:InitialDelay"] = "00:00:00.05",
        });
        await using var app = builder.Build();
        app.Register("com.app.ping", () => "pong");

        await app.StartAsync().WaitAsync(TestWait.Timeout);
        await app.Client.WhenReadyAsync().WaitAsync(TestWait.Timeout);

        Assert.Equal([url], app.Client.Options.Urls);
        Assert.Equal(TimeSpan.FromMilliseconds(50), app.Client.Options.Reconnect.InitialDelay);
        await using var other = await WampSession.ConnectAsync(url).WaitAsync(TestWait.Timeout);
        Assert.Equal("pong", await other.CallAsync<string>("com.app.ping").WaitAsync(TestWait.Timeout));
    }

    [Theory]
    [InlineData("LiveStack:Client:Serializer", "--serializer", "xml")]
    [InlineData("LiveStack:Client:Secret", "--authmethod", "ticket", "--authid", "joe")]
    [InlineData("LiveStack:Client:AuthId", "--authmethod", "wampcra", "--secret", "s3cret")]
    [InlineData("LiveStack:Client:PrivateKey", "--authmethod", "cryptosign", "--authid", "joe")]
    [InlineData("LiveStack:Client:AuthMethod", "--authmethod", "magic")]
    [InlineData("LiveStack:Client:Urls", "--url", "http://127.0.0.1:8080/ws")]
    [InlineData("LiveStack:Client:Realm", "--realm", " ")]
    public void InvalidConfigurationFailsWithTheKeyNamed(string key, params string[] args)
    {
        var builder = LiveApp.CreateBuilder(args);
        builder.Logging.ClearProviders();

        var error = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidConfigurationFromTheSectionFailsWithTheKeyNamed()
    {
        var builder = LiveApp.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LiveStack:Client:Serializer"] = "xml",
        });

        var error = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("LiveStack:Client:Serializer", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LiveStack:Client:Urls", error.Message, StringComparison.Ordinal);
    }
}
