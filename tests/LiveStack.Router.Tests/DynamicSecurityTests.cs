using LiveStack.Router.Auth;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;

namespace LiveStack.Router.Tests;

/// <summary>Crossbar-style dynamic authentication and authorization: procedures a component registers for the router.</summary>
public class DynamicSecurityTests
{
    private static WampRouter Router() => new(new RouterOptions
    {
        Realms =
        {
            SecuredRealm.Create(r =>
            {
                r.Auth.Methods.Add("ticket");
                r.Auth.Authenticator = "com.example.authenticate";
                r.Roles.Add(new WampRole { Name = "guest", Authorizer = "com.example.authorize" });
            }),
        },
    });

    private static LinkedPeer Service(WampRouter router)
    {
        var peer = LinkedPeer.Connect(router);
        peer.Send(new HelloMessage(SecuredRealm.Name, SecuredRealm.Hello("svc", "ticket")));
        peer.Receive<ChallengeMessage>();
        peer.Send(new AuthenticateMessage("svc-ticket", new Dictionary<string, object?>()));
        peer.Receive<WelcomeMessage>();
        return peer;
    }

    private static async Task<InvocationMessage> NextInvocationAsync(LinkedPeer callee)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (callee.TryReceive() is InvocationMessage invocation)
            {
                return invocation;
            }

            await Task.Delay(10);
        }

        throw new Xunit.Sdk.XunitException("The router never called the procedure.");
    }

    private static async Task<LinkedPeer> JoinThroughAuthenticatorAsync(WampRouter router, LinkedPeer service, string authId, Func<InvocationMessage, WampMessage> answer)
    {
        var peer = LinkedPeer.Connect(router);
        peer.Send(new HelloMessage(SecuredRealm.Name, SecuredRealm.Hello(authId, "ticket")));
        peer.Receive<ChallengeMessage>();
        var authenticating = peer.Session.ReceiveAsync(new AuthenticateMessage($"token-{authId}", new Dictionary<string, object?>())).AsTask();
        service.Send(answer(await NextInvocationAsync(service)));
        await authenticating;
        return peer;
    }

    [Fact]
    public async Task TheAuthenticatorProcedureDecidesWhoJoins()
    {
        using var router = Router();
        var service = Service(router);
        service.Register("com.example.authenticate");

        InvocationMessage? seen = null;
        var zoe = await JoinThroughAuthenticatorAsync(router, service, "zoe", invocation =>
        {
            seen = invocation;
            return new YieldMessage(invocation.Request, new Dictionary<string, object?>(), ["guest"]);
        });
        var welcome = zoe.Receive<WelcomeMessage>();
        Assert.Equal("guest", welcome.Details["authrole"]);
        Assert.Equal([SecuredRealm.Name, "zoe"], seen!.Arguments!.Take(2));
        Assert.Equal("token-zoe", ((IReadOnlyDictionary<string, object?>)seen.Arguments![2]!)["ticket"]);

        var eve = await JoinThroughAuthenticatorAsync(router, service, "eve", invocation =>
            new ErrorMessage(MessageCode.Invocation, invocation.Request, new Dictionary<string, object?>(), "com.example.error.denied"));
        SessionLifecycleTests.AssertAborted(eve, "wamp.error.authentication_failed");
    }

    [Fact]
    public async Task ADynamicRoleAsksTheAuthorizerProcedureForEachAction()
    {
        using var router = Router();
        var service = Service(router);
        service.Register("com.example.authenticate");
        service.Register("com.example.authorize");
        var guest = await JoinThroughAuthenticatorAsync(router, service, "zoe", i => new YieldMessage(i.Request, new Dictionary<string, object?>(), ["guest"]));
        guest.Receive<WelcomeMessage>();

        async Task<WampMessage> SubscribeAsync(string topic, bool allow)
        {
            var subscribing = guest.Session.ReceiveAsync(new SubscribeMessage(guest.NextRequest(), new Dictionary<string, object?>(), topic)).AsTask();
            var invocation = await NextInvocationAsync(service);
            Assert.Equal(topic, invocation.Arguments![1]);
            Assert.Equal("subscribe", invocation.Arguments[2]);
            service.Send(new YieldMessage(invocation.Request, new Dictionary<string, object?>(), [allow]));
            await subscribing;
            return guest.TryReceive()!;
        }

        Assert.IsType<SubscribedMessage>(await SubscribeAsync("com.example.open", allow: true));
        Assert.Equal(WampErrors.NotAuthorized, Assert.IsType<ErrorMessage>(await SubscribeAsync("com.example.closed", allow: false)).Error);
    }

    [Fact]
    public async Task WithoutTheAuthorizerRegisteredADynamicRoleIsDeniedWithAuthorizationFailed()
    {
        using var router = Router();
        var service = Service(router);
        service.Register("com.example.authenticate");
        var guest = await JoinThroughAuthenticatorAsync(router, service, "zoe", i => new YieldMessage(i.Request, new Dictionary<string, object?>(), ["guest"]));
        guest.Receive<WelcomeMessage>();

        await guest.Session.ReceiveAsync(new SubscribeMessage(guest.NextRequest(), new Dictionary<string, object?>(), "com.example.t"));
        Assert.Equal(WampErrors.AuthorizationFailed, guest.Receive<ErrorMessage>().Error);
    }
}
