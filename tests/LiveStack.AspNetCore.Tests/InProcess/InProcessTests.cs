using LiveStack.Client;
using LiveStack.Client.Auth;
using LiveStack.Router;
using LiveStack.Router.Auth;
using LiveStack.Testing;
using LiveStack.Wamp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStack.AspNetCore.Tests.InProcess;

public sealed class InProcessTests
{
    private const string SecureRealm = "com.shop.secure";
    private const string Ticket = "in-process-test-ticket";

    [Fact]
    public async Task MappedProcedureAndTopicServeWebSocketClients()
    {
        WebApplication? web = null;
        await using var host = await RouterHost.StartAsync(
            services: s => s.AddSingleton<Inbox>(),
            app: endpoints =>
            {
                web = endpoints;
                endpoints.MapProcedure("math.add", (int a, int b) => a + b);
                endpoints.MapTopic("chat.message", (string text, Inbox inbox, WampEvent e) => inbox.Add($"{text} from {e.Publisher}"));
            });
        var server = web!.Services.GetRequiredService<LiveClient>();
        var inbox = web.Services.GetRequiredService<Inbox>();
        await server.WhenReadyAsync().WaitAsync(TestWait.Timeout);

        await using var peer = await WampSession.ConnectAsync(host.WebSocketUrl.ToString()).WaitAsync(TestWait.Timeout);
        Assert.Equal(5, await peer.CallAsync<int>("math.add", 2, 3).WaitAsync(TestWait.Timeout));
        await peer.PublishAsync("chat.message", ["hi"], null, new PublishOptions { Acknowledge = true, DiscloseMe = true }).WaitAsync(TestWait.Timeout);
        Assert.Equal($"hi from {peer.Id}", await inbox.NextAsync());
    }

    [Fact]
    public async Task ComponentTakesServicesInItsConstructorAndServesWebSocketClients()
    {
        WebApplication? web = null;
        await using var host = await RouterHost.StartAsync(
            services: s =>
            {
                s.AddSingleton(new TaxRates { Vat = 0.25m });
                s.AddSingleton<Inbox>();
                s.AddLiveStackComponent<PricingComponent>();
            },
            app: endpoints => web = endpoints);
        await web!.Services.GetRequiredService<LiveClient>().WhenReadyAsync().WaitAsync(TestWait.Timeout);
        var inbox = web.Services.GetRequiredService<Inbox>();

        await using var peer = await WampSession.ConnectAsync(host.WebSocketUrl.ToString()).WaitAsync(TestWait.Timeout);
        Assert.Equal(12.5m, await peer.CallAsync<decimal>(PricingComponent.GrossProcedure, 10).WaitAsync(TestWait.Timeout));
        Assert.Equal(0.25m, await peer.CallAsync<decimal>(PricingComponent.RateProcedure).WaitAsync(TestWait.Timeout));
        await TestWait.PublishAsync(peer, PricingComponent.OrderTopic, "book");
        Assert.Equal("order:book", await inbox.NextAsync());
        Assert.Same(web.Services.GetRequiredService<PricingComponent>(), web.Services.GetRequiredService<PricingComponent>());
    }

    [Fact]
    public async Task InProcessSessionIsTrustedOnASecuredRealmAndListedByTheMetaApi()
    {
        WebApplication? web = null;
        await using var host = await RouterHost.StartAsync(
            o => o.Realms.Add(CreateSecureRealm()),
            app: endpoints =>
            {
                web = endpoints;
                // The realm's only role may call math.* but not register it: the in-process session may.
                endpoints.MapProcedure("math.mul", (int a, int b) => a * b);
            });
        var server = web!.Services.GetRequiredService<LiveClient>();
        var serverSession = await server.WhenReadyAsync().WaitAsync(TestWait.Timeout);
        Assert.Equal(SecureRealm, serverSession.Realm);

        await using var peer = await WampSession.ConnectAsync(
            host.WebSocketUrl.ToString(),
            new WampSessionOptions { Realm = SecureRealm, Authentication = WampAuthentication.Ticket("joe", Ticket) }).WaitAsync(TestWait.Timeout);
        Assert.Equal(12, await peer.CallAsync<int>("math.mul", 3, 4).WaitAsync(TestWait.Timeout));

        var registering = await Assert.ThrowsAsync<WampException>(() =>
            peer.RegisterAsync("math.div", (_, _) => ValueTask.FromResult(WampResult.Empty)).WaitAsync(TestWait.Timeout));
        Assert.Equal(WampErrors.NotAuthorized, registering.Uri);

        var sessions = await peer.CallAsync<long[]>("wamp.session.list").WaitAsync(TestWait.Timeout);
        Assert.Contains(serverSession.Id, sessions!);
        Assert.Contains(peer.Id, sessions!);
        var details = (await peer.CallAsync("wamp.session.get", [serverSession.Id]).WaitAsync(TestWait.Timeout)).As<SessionDetails>();
        Assert.Equal(new SessionDetails(serverSession.Id, "server", "trusted", "trusted"), details);

        // Publishing is allowed to no role; the trusted session publishes anyway.
        var events = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await peer.SubscribeAsync("math.news", (e, _) =>
        {
            events.TrySetResult(e.Argument<string>(0));
            return ValueTask.CompletedTask;
        }).WaitAsync(TestWait.Timeout);
        await server.PublishAsync("math.news", ["pi is 3.14"], null, new PublishOptions { Acknowledge = true }).WaitAsync(TestWait.Timeout);
        Assert.Equal("pi is 3.14", await events.Task.WaitAsync(TestWait.Timeout));
    }

    [Fact]
    public async Task LiveClientInjectedIntoAnEndpointStartsOnFirstUseAndReachesWebSocketSubscribers()
    {
        WebApplication? web = null;
        await using var host = await RouterHost.StartAsync(app: endpoints =>
        {
            web = endpoints;
            endpoints.MapPost("/notify/{text}", async (string text, LiveClient live, CancellationToken cancellationToken) =>
            {
                await live.PublishAsync("news.flash", [text], null, new PublishOptions { Acknowledge = true }, cancellationToken);
                return Results.NoContent();
            });
        });
        var server = web!.Services.GetRequiredService<LiveClient>();
        await using var subscriber = await WampSession.ConnectAsync(host.WebSocketUrl.ToString()).WaitAsync(TestWait.Timeout);
        var received = new TaskCompletionSource<WampEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        await subscriber.SubscribeAsync("news.flash", (e, _) =>
        {
            received.TrySetResult(e);
            return ValueTask.CompletedTask;
        }).WaitAsync(TestWait.Timeout);

        // Nothing was mapped, so the in-process session has not joined yet.
        Assert.False(server.IsReady);
        Assert.Equal(1, host.Router.SessionCount);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.HttpPort}") };
        using var response = await http.PostAsync(new Uri("/notify/extra", UriKind.Relative), null).WaitAsync(TestWait.Timeout);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);

        var e = await received.Task.WaitAsync(TestWait.Timeout);
        Assert.Equal("extra", e.Argument<string>(0));
        Assert.True(server.IsReady);
        Assert.Equal(2, host.Router.SessionCount);
    }

    [Fact]
    public async Task FailingHandlerAnswersRuntimeErrorAndTheSessionKeepsServing()
    {
        var logs = new CapturingLoggerProvider();
        WebApplication? web = null;
        await using var host = await RouterHost.StartAsync(
            loggerProvider: logs,
            app: endpoints =>
            {
                web = endpoints;
                endpoints.MapProcedure("math.fail", static int () => throw new InvalidOperationException("the handler broke"));
                endpoints.MapProcedure("math.add", (int a, int b) => a + b);
            });
        var server = web!.Services.GetRequiredService<LiveClient>();
        var session = await server.WhenReadyAsync().WaitAsync(TestWait.Timeout);
        await using var peer = await WampSession.ConnectAsync(host.WebSocketUrl.ToString()).WaitAsync(TestWait.Timeout);

        var error = await Assert.ThrowsAsync<WampException>(() => peer.CallAsync("math.fail").WaitAsync(TestWait.Timeout));

        Assert.Equal(ClientErrors.RuntimeError, error.Uri);
        // Not sent to the caller (DetailedErrors is off), but logged.
        Assert.DoesNotContain("the handler broke", error.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, entry => entry.Level == LogLevel.Error && entry.Exception?.Message == "the handler broke");
        Assert.Equal(5, await peer.CallAsync<int>("math.add", 2, 3).WaitAsync(TestWait.Timeout));
        Assert.Same(session, server.Session);
        Assert.True(session.IsOpen);
    }

    [Fact]
    public async Task InProcessSessionKilledThroughTheMetaApiComesBack()
    {
        WebApplication? web = null;
        await using var host = await RouterHost.StartAsync(app: endpoints =>
        {
            web = endpoints;
            endpoints.MapProcedure("math.add", (int a, int b) => a + b);
        });
        var server = web!.Services.GetRequiredService<LiveClient>();
        var first = await server.WhenReadyAsync().WaitAsync(TestWait.Timeout);
        var ready = new TaskCompletionSource<WampSession>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.OnReady(s =>
        {
            ready.TrySetResult(s);
            return Task.CompletedTask;
        });
        await using var peer = await WampSession.ConnectAsync(host.WebSocketUrl.ToString()).WaitAsync(TestWait.Timeout);

        await peer.CallAsync("wamp.session.kill", [first.Id]).WaitAsync(TestWait.Timeout);

        var second = await ready.Task.WaitAsync(TestWait.Timeout);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(5, await peer.CallAsync<int>("math.add", 2, 3).WaitAsync(TestWait.Timeout));
    }

    [Fact]
    public async Task StoppingTheHostShutsDownCleanlyWithNoErrorsLogged()
    {
        var logs = new CapturingLoggerProvider();
        WebApplication? web = null;
        var host = await RouterHost.StartAsync(
            loggerProvider: logs,
            services: s => s.AddSingleton<Inbox>(),
            app: endpoints =>
            {
                web = endpoints;
                endpoints.MapProcedure("math.add", (int a, int b) => a + b);
                endpoints.MapTopic("chat.message", (string text, Inbox inbox) => inbox.Add(text));
            });
        var server = web!.Services.GetRequiredService<LiveClient>();
        var serverSession = await server.WhenReadyAsync().WaitAsync(TestWait.Timeout);
        var peer = await WampSession.ConnectAsync(host.WebSocketUrl.ToString()).WaitAsync(TestWait.Timeout);
        Assert.Equal(5, await peer.CallAsync<int>("math.add", 2, 3).WaitAsync(TestWait.Timeout));
        await TestWait.PublishAsync(peer, "chat.message", "bye soon");
        Assert.Equal("bye soon", await web.Services.GetRequiredService<Inbox>().NextAsync());

        var router = host.Router;
        await host.DisposeAsync().AsTask().WaitAsync(TestWait.Timeout);

        var peerEnd = await peer.Completion.WaitAsync(TestWait.Timeout);
        Assert.Equal(WampErrors.SystemShutdown, peerEnd.Reason);
        var serverEnd = await serverSession.Completion.WaitAsync(TestWait.Timeout);
        Assert.True(serverEnd.Requested, $"The in-process session should leave on its own, but ended with {serverEnd.Reason}.");
        Assert.False(server.IsReady);
        Assert.Equal(0, router.SessionCount);
        Assert.DoesNotContain(logs.Entries, entry => entry.Level >= LogLevel.Error);
        Assert.DoesNotContain(logs.Entries, entry => entry.Exception is not null && entry.Level >= LogLevel.Warning);
        await peer.DisposeAsync();
    }

    private static RealmOptions CreateSecureRealm()
    {
        var realm = new RealmOptions { Name = SecureRealm };
        var user = new WampRole { Name = "user" };
        user.Permissions.Add(new WampPermissionRule { Uri = "math.", Match = "prefix", Call = true, Subscribe = true });
        user.Permissions.Add(new WampPermissionRule { Uri = "wamp.session.", Match = "prefix", Call = true });
        realm.Roles.Add(user);
        realm.Auth.Ticket["joe"] = new TicketPrincipal { Ticket = Ticket, Role = "user" };
        return realm;
    }
}
