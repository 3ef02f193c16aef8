using LiveStack.Router.Auth;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;

namespace LiveStack.Router.Tests;

public class AuthorizationTests
{
    private static WampRouter Router(params IWampAuthorizer[] authorizers) =>
        new(new RouterOptions { Realms = { SecuredRealm.Create() } }, authorizers: authorizers);

    private static LinkedPeer Join(WampRouter router, string authId, string ticket)
    {
        var peer = LinkedPeer.Connect(router);
        peer.Send(new HelloMessage(SecuredRealm.Name, SecuredRealm.Hello(authId, "ticket")));
        peer.Receive<ChallengeMessage>();
        peer.Send(new AuthenticateMessage(ticket, new Dictionary<string, object?>()));
        peer.Receive<WelcomeMessage>();
        return peer;
    }

    private static LinkedPeer User(WampRouter router) => Join(router, "alice", "alice-ticket");

    private static LinkedPeer Service(WampRouter router) => Join(router, "svc", "svc-ticket");

    private static void AssertDenied(LinkedPeer peer, string error = WampErrors.NotAuthorized) =>
        Assert.Equal(error, peer.Receive<ErrorMessage>().Error);

    [Fact]
    public void RegisterIsDeniedToARoleWithoutIt()
    {
        using var router = Router();
        var user = User(router);
        user.Send(new RegisterMessage(user.NextRequest(), new Dictionary<string, object?>(), "com.example.proc"));

        AssertDenied(user);
        Service(router).Register("com.example.proc");
    }

    [Fact]
    public void CallIsDeniedToARoleWithoutIt()
    {
        using var router = Router();
        Service(router).Register("com.example.admin.reset");
        var user = User(router);
        user.Call("com.example.admin.reset");

        AssertDenied(user);
    }

    [Fact]
    public void SubscribeIsDeniedToARoleWithoutIt()
    {
        using var router = Router();
        var user = User(router);
        user.Send(new SubscribeMessage(user.NextRequest(), new Dictionary<string, object?>(), "com.example.admin.events"));

        AssertDenied(user);
    }

    [Fact]
    public void PublishIsDeniedWithAnErrorOnlyWhenAcknowledged()
    {
        using var router = Router();
        var service = Service(router);
        service.Subscribe("com.example.admin.events");
        var user = User(router);

        user.Publish("com.example.admin.events", ["sneaky"]);
        user.AssertNothing();
        service.AssertNothing();

        user.Publish("com.example.admin.events", options: new Dictionary<string, object?> { ["acknowledge"] = true });
        AssertDenied(user);
    }

    [Fact]
    public void TheMostSpecificRuleWins()
    {
        using var router = Router();
        var service = Service(router);
        service.Register("com.example.admin.status");
        service.Register("com.example.orders.list");
        var user = User(router);

        // prefix com.example. allows call, prefix com.example.admin. (longer) denies, exact …status allows.
        user.Call("com.example.orders.list");
        Assert.IsType<InvocationMessage>(service.TryReceive());
        user.Call("com.example.admin.status");
        Assert.IsType<InvocationMessage>(service.TryReceive());
    }

    [Fact]
    public void WildcardRulesApply()
    {
        using var router = Router();
        var user = User(router);
        // net..public allows subscribe for any one component in the middle, and nothing else.
        user.Subscribe("net.weather.public");
        user.Send(new SubscribeMessage(user.NextRequest(), new Dictionary<string, object?>(), "net.weather.private"));
        AssertDenied(user);
    }

    [Fact]
    public void MetaApiAccessIsAPermissionLikeAnyOther()
    {
        using var router = Router();
        var user = User(router);
        user.Call("wamp.session.count");
        AssertDenied(user);

        Assert.Equal(2, Service(router).CallMeta("wamp.session.count"));
    }

    [Fact]
    public void ReservedUrisStayTheRoutersEvenWhenARolePermitsThem()
    {
        using var router = Router();
        var service = Service(router);
        service.Send(new RegisterMessage(service.NextRequest(), new Dictionary<string, object?>(), "wamp.session.count"));

        Assert.Equal(WampErrors.NotAuthorized, service.Receive<ErrorMessage>().Error);
    }

    [Fact]
    public void DiscloseCallerPermissionRevealsTheCaller()
    {
        using var router = Router();
        var callee = Service(router);
        callee.Register("com.example.audited.delete");
        var caller = Service(router);
        caller.Call("com.example.audited.delete");

        var details = callee.Receive<InvocationMessage>().Details;
        Assert.Equal(caller.Id, details["caller"]);
        Assert.Equal("svc", details["caller_authid"]);
    }

    [Fact]
    public void DependencyInjectedAuthorizerMustAgree()
    {
        using var router = Router(new DenyTopic("com.example.private"));
        var user = User(router);
        user.Send(new SubscribeMessage(user.NextRequest(), new Dictionary<string, object?>(), "com.example.private"));
        AssertDenied(user);
        user.Subscribe("com.example.open");
    }

    [Fact]
    public void AFailingAuthorizerDeniesWithAuthorizationFailed()
    {
        using var router = Router(new Throwing());
        var user = User(router);
        user.Send(new SubscribeMessage(user.NextRequest(), new Dictionary<string, object?>(), "com.example.open"));

        AssertDenied(user, WampErrors.AuthorizationFailed);
        Assert.Equal(Sessions.SessionState.Established, user.Session.State);
    }

    private sealed class DenyTopic(string topic) : IWampAuthorizer
    {
        public ValueTask<AuthorizationDecision> AuthorizeAsync(WampAuthorizationContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(context.Uri == topic ? AuthorizationDecision.Deny : AuthorizationDecision.Allow);
    }

    private sealed class Throwing : IWampAuthorizer
    {
        public ValueTask<AuthorizationDecision> AuthorizeAsync(WampAuthorizationContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database down");
    }
}
