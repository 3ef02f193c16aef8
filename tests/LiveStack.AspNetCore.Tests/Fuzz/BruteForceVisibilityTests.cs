using LiveStack.Testing;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;
using Microsoft.Extensions.Logging;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>Password guessing is visible: each wrong ticket is refused on its own and logged with who tried what, from where.</summary>
public sealed class BruteForceVisibilityTests
{
    // Below the per-address lockout (AuthFailuresPerMinute, default 10), which would answer further attempts differently.
    private const int Attempts = 5;

    [Fact]
    public async Task EveryWrongTicketIsAbortedAndLoggedAsAuthenticationFailed()
    {
        var logs = new LogCapture(LogLevel.Warning);
        await using var host = await RouterHost.StartAsync(o => o.Realms.Add(FuzzRouter.Secured()), logs);

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            // One client guessing over every transport and serializer it likes.
            var kind = attempt % 2 == 0 ? WireKind.RawSocket : WireKind.WebSocket;
            await using var wire = await FuzzWire.ConnectAsync(host, kind, WampCodecs.All[attempt % WampCodecs.All.Count]);
            Assert.Equal("ticket", (await Joining.ChallengeAsync(wire, FuzzRouter.Alice)).AuthMethod);
            await wire.SendAsync(new AuthenticateMessage($"guess-{attempt}", new Dictionary<string, object?>()));

            var abort = Assert.IsType<AbortMessage>(Assert.Single(await wire.ReceiveUntilClosedAsync()));
            Assert.Equal(Endings.AuthenticationFailed, abort.Reason);
        }

        var failures = logs.Entries.Where(e => e.EventId.Id == 10).ToList();
        Assert.Equal(Attempts, failures.Count);
        Assert.All(failures, entry =>
        {
            Assert.Equal("AuthenticationFailed", entry.EventId.Name);
            Assert.Equal(LogLevel.Warning, entry.Level);
            Assert.Equal(FuzzRouter.Alice.AuthId, entry.Values["AuthId"]);
            Assert.Equal(FuzzRouter.SecuredRealm, entry.Values["Realm"]);
            Assert.Equal("ticket", entry.Values["Method"]);
            Assert.StartsWith("tcp:127.0.0.1:", entry.Values["Peer"] as string, StringComparison.Ordinal);
        });
    }
}
