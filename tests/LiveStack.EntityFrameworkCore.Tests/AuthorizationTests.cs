using LiveStack.Client;
using Microsoft.EntityFrameworkCore;

namespace LiveStack.EntityFrameworkCore.Tests;

/// <summary>Notes are readable and writable by their owner only; the password hash is never sent.</summary>
public class AuthorizationTests(LiveDataHost host) : IClassFixture<LiveDataHost>
{
    private static readonly string[] NoteTopics = ["note.created", "note.updated", "note.deleted"];

    [Fact]
    public async Task NobodyReceivesChangesOfRowsTheyCannotRead()
    {
        await using var alice = await host.ConnectAsAsync("alice");
        await using var bob = await host.ConnectAsAsync("bob");
        await using var aliceEvents = await EventRecorder.StartAsync(alice, NoteTopics);
        await using var bobEvents = await EventRecorder.StartAsync(bob, NoteTopics);

        var id = await CreateAsync(alice, "alice", "events-1");
        await alice.RpcAsync("note.update", args: [id, new { text = "events-2" }]);
        await alice.RpcAsync("note.delete", args: [id]);
        var bobsMarker = await CreateAsync(bob, "bob", "bob-marker");
        var alicesMarker = await CreateAsync(alice, "alice", "alice-marker");

        var bobFirst = await bobEvents.NextAsync();
        Assert.Equal(("note.created", bobsMarker), (bobFirst.Topic, Payloads.Id(bobFirst.Row())));
        var aliceSaw = await aliceEvents.NextAsync(4);
        Assert.Equal(["note.created", "note.updated", "note.deleted", "note.created"], aliceSaw.Select(e => e.Topic));
        Assert.Equal([id, id, id, alicesMarker], aliceSaw.Select(e => Payloads.Id(e.Row())));
    }

    [Fact]
    public async Task GetListAndLiveShowOnlyOwnRows()
    {
        await using var alice = await host.ConnectAsAsync("alice");
        await using var bob = await host.ConnectAsAsync("bob");
        var alices = await CreateAsync(alice, "alice", "reads-a");
        var bobs = await CreateAsync(bob, "bob", "reads-b");
        await using var view = await LiveView.OpenAsync(bob, "note.live", new { orderBy = "id" });

        Assert.Equal(LiveDataErrors.NotFound, (await bob.FailsAsync("note.get", args: [alices])).Uri);
        Assert.Equal("reads-b", (await bob.RpcAsync("note.get", args: [bobs])).Row()["text"]);
        var listed = (await bob.RpcAsync("note.list")).Items();
        Assert.All(listed, r => Assert.Equal("bob", r["owner"]));
        Assert.Contains(bobs, listed.Select(Payloads.Id));
        Assert.All(view.Rows, r => Assert.Equal("bob", r["owner"]));
        Assert.Contains(bobs, view.Ids);

        await CreateAsync(alice, "alice", "reads-a2");
        var marker = await CreateAsync(bob, "bob", "reads-b2");
        var next = await view.NextAsync();
        Assert.Equal("[{index:" + (view.Rows.Count - 1) + ",row:{id:" + marker + ",owner:\"bob\",text:\"reads-b2\"}}]", Payloads.Canon(next["added"]));
    }

    [Fact]
    public async Task OthersRowsCannotBeUpdatedOrDeleted()
    {
        await using var alice = await host.ConnectAsAsync("alice");
        await using var bob = await host.ConnectAsAsync("bob");
        var id = await CreateAsync(alice, "alice", "mine");

        Assert.Equal(LiveDataErrors.NotFound, (await bob.FailsAsync("note.update", args: [id, new { text = "hacked" }])).Uri);
        Assert.Equal(LiveDataErrors.NotFound, (await bob.FailsAsync("note.delete", args: [id])).Uri);
        Assert.Equal("mine", (await alice.RpcAsync("note.get", args: [id])).Row()["text"]);
    }

    [Fact]
    public async Task WriteRulesRefuseAndNothingIsWritten()
    {
        await using var bob = await host.ConnectAsAsync("bob");
        var id = await CreateAsync(bob, "bob", "bobs");

        var forged = await bob.FailsAsync("note.create", new { owner = "alice", text = "forged" });
        var givenAway = await bob.FailsAsync("note.update", args: [id, new { owner = "alice" }]);

        Assert.Equal("wamp.error.not_authorized", forged.Uri);
        Assert.Equal("wamp.error.not_authorized", givenAway.Uri);
        await using var scope = host.OpenDb();
        Assert.False(await scope.Db.Notes.AnyAsync(n => n.Text == "forged"));
        Assert.Equal("bob", (await scope.Db.Notes.SingleAsync(n => n.Id == id)).Owner);
    }

    [Fact]
    public async Task HiddenFieldIsNeverSentNorAccepted()
    {
        await using var alice = await host.ConnectAsAsync("alice");
        await using var events = await EventRecorder.StartAsync(alice, NoteTopics);
        await using var view = await LiveView.OpenAsync(alice, "note.live");

        var created = (await alice.RpcAsync("note.create", new { owner = "alice", text = "hidden" })).Row();
        var id = Payloads.Id(created);
        var updated = (await alice.RpcAsync("note.update", args: [id, new { text = "hidden-2" }])).Row();
        var payloads = new List<object?>
        {
            created,
            updated,
            (await alice.RpcAsync("note.get", args: [id])).Row(),
            (await alice.RpcAsync("note.list")).Row(),
            await view.NextAsync(),
            await view.NextAsync(),
            (await events.NextAsync()).Row(),
            (await events.NextAsync()).Row(),
        };

        Assert.All(payloads, p => Assert.DoesNotContain("password", Payloads.Canon(p), StringComparison.OrdinalIgnoreCase));
        Assert.All(payloads, p => Assert.DoesNotContain(Note.Hash, Payloads.Canon(p), StringComparison.Ordinal));
        Assert.Equal("wamp.error.invalid_argument", (await alice.FailsAsync("note.create", new { owner = "alice", passwordHash = "x" })).Uri);
        Assert.Equal("wamp.error.invalid_argument", (await alice.FailsAsync("note.update", args: [id, new { passwordHash = "x" }])).Uri);
        await using var scope = host.OpenDb();
        Assert.Equal(Note.Hash, (await scope.Db.Notes.SingleAsync(n => n.Id == id)).PasswordHash);
    }

    [Fact]
    public async Task LiveQueriesAreSharedPerUserWhenTheReadRuleDependsOnTheUser()
    {
        await using var alice = await host.ConnectAsAsync("alice");
        await using var secondAlice = await host.ConnectAsAsync("alice");
        await using var bob = await host.ConnectAsAsync("bob");
        var query = new { where = new { text = new { startsWith = "per-user-" } } };

        await using var one = await LiveView.OpenAsync(alice, "note.live", query);
        await using var two = await LiveView.OpenAsync(secondAlice, "note.live", query);
        await using var three = await LiveView.OpenAsync(bob, "note.live", query);

        Assert.Equal(2, host.SharedEvaluations("\"per-user-\""));
    }

    [Fact]
    public async Task AnonymousSessionsReadNoOwnedRows()
    {
        await using var alice = await host.ConnectAsAsync("alice");
        await using var guest = await host.ConnectAsync();
        await CreateAsync(alice, "alice", "not-for-guests");

        Assert.Empty((await guest.RpcAsync("note.list")).Items());
        Assert.Empty(Payloads.List((await guest.RpcAsync("note.live")).Row()["rows"]));
    }

    private static async Task<long> CreateAsync(WampSession session, string owner, string text) =>
        Payloads.Id((await session.RpcAsync("note.create", new { owner, text })).Row());
}
