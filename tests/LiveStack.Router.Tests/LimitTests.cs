using LiveStack.Wamp;
using LiveStack.Wamp.Messages;

namespace LiveStack.Router.Tests;

public class LimitTests
{
    private static TransportDetails From(string address) => new("test", "json", $"tcp:{address}:1") { ClientAddress = address };

    [Fact]
    public void SessionsAreLimitedInTotalAndPerAddressAndSlotsComeBack()
    {
        using var router = TestRouter.Create(o =>
        {
            o.MaxSessions = 3;
            o.MaxSessionsPerAddress = 2;
        });
        var first = router.TryOpenSession(From("10.0.0.1"));
        Assert.NotNull(router.TryOpenSession(From("10.0.0.1")));
        Assert.Null(router.TryOpenSession(From("10.0.0.1")));
        Assert.NotNull(router.TryOpenSession(From("10.0.0.2")));
        Assert.Null(router.TryOpenSession(From("10.0.0.3")));

        first!.TransportClosed();
        Assert.NotNull(router.TryOpenSession(From("10.0.0.1")));
    }

    [Fact]
    public void RequestsOverTheRateLimitFailClearlyAndTheSessionLives()
    {
        using var router = TestRouter.Create(o =>
        {
            o.MessagesPerSecond = 10;
            o.MessageBurst = 5;
        });
        var peer = LinkedPeer.Join(router);
        for (var i = 0; i < 5; i++)
        {
            peer.Subscribe($"com.example.t{i}");
        }

        peer.Send(new SubscribeMessage(peer.NextRequest(), new Dictionary<string, object?>(), "com.example.t5"));
        var error = peer.Receive<ErrorMessage>();
        Assert.Equal(LiveStackErrors.RateLimitExceeded, error.Error);
        Assert.Contains("10 per second", (string)error.Arguments![0]!, StringComparison.Ordinal);

        // Unacknowledged publishes over the limit vanish; the session is still fine.
        peer.Publish("com.example.t0");
        peer.AssertNothing();
        Assert.Equal(Sessions.SessionState.Established, peer.Session.State);
    }

    [Fact]
    public void RepeatedFailedLoginsFromOneAddressAreShutOut()
    {
        using var router = new WampRouter(new RouterOptions { Realms = { SecuredRealm.Create() }, AuthFailuresPerMinute = 3 });
        LinkedPeer Attempt(string address)
        {
            var peer = LinkedPeer.Connect(router, From(address));
            peer.Send(new HelloMessage(SecuredRealm.Name, SecuredRealm.Hello("alice", "ticket")));
            return peer;
        }

        for (var i = 0; i < 3; i++)
        {
            var guess = Attempt("10.0.0.9");
            guess.Receive<ChallengeMessage>();
            guess.Send(new AuthenticateMessage($"guess-{i}", new Dictionary<string, object?>()));
            SessionLifecycleTests.AssertAborted(guess, "wamp.error.authentication_failed");
        }

        SessionLifecycleTests.AssertAborted(Attempt("10.0.0.9"), LiveStackErrors.AuthenticationDenied);

        // Another address is unaffected.
        var other = Attempt("10.0.0.10");
        other.Receive<ChallengeMessage>();
        other.Send(new AuthenticateMessage("alice-ticket", new Dictionary<string, object?>()));
        other.Receive<WelcomeMessage>();
    }
}
