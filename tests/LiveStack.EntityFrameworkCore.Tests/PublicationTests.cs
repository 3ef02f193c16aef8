using LiveStack.Client;
using LiveStack.Testing;
using LiveStack.Wamp.Messages;
using Microsoft.EntityFrameworkCore;

namespace LiveStack.EntityFrameworkCore.Tests;

/// <summary>Committed changes become <c>{entity}.created|updated|deleted</c> events: when, in which order, with what payload.</summary>
public class PublicationTests(LiveDataHost host) : IClassFixture<LiveDataHost>
{
    private static readonly string[] TodoTopics = ["todo_item.created", "todo_item.updated", "todo_item.deleted"];

    [Fact]
    public async Task CreateUpdateDeletePublishRowVersionAndChangedFields()
    {
        await using var session = await host.ConnectAsync();
        await using var events = await EventRecorder.StartAsync(session, TodoTopics);

        var id = Payloads.Id((await session.RpcAsync("todo_item.create", new { title = "pub-a", priority = 2 })).Row());
        await session.RpcAsync("todo_item.update", args: [id, new { title = "pub-b" }]);
        await session.RpcAsync("todo_item.delete", args: [id]);
        var (created, updated, deleted) = (await events.NextAsync(), await events.NextAsync(), await events.NextAsync());

        Assert.Equal("todo_item.created", created.Topic);
        Assert.Equal("{done:false,id:" + id + ",priority:2,title:\"pub-a\"}", Payloads.Canon(created.Row()));
        Assert.False(created.ArgumentsKeywords.ContainsKey("changed"));
        Assert.Equal("todo_item.updated", updated.Topic);
        Assert.Equal("pub-b", updated.Row()["title"]);
        Assert.Equal("[\"title\"]", Payloads.Canon(updated.ArgumentsKeywords["changed"]));
        Assert.Equal("todo_item.deleted", deleted.Topic);
        Assert.Equal("{done:false,id:" + id + ",priority:2,title:\"pub-b\"}", Payloads.Canon(deleted.Row()));
        Assert.Equal([created.Version() + 1, created.Version() + 2], [updated.Version(), deleted.Version()]);
    }

    [Fact]
    public async Task VersionsCountPerEntity()
    {
        await using var session = await host.ConnectAsync();
        await using var events = await EventRecorder.StartAsync(session, "todo_item.created", "doc.created");

        await session.RpcAsync("todo_item.create", new { title = "per-entity-1" });
        await session.RpcAsync("doc.create", new { title = "per-entity" });
        await session.RpcAsync("todo_item.create", new { title = "per-entity-2" });
        var (first, doc, second) = (await events.NextAsync(), await events.NextAsync(), await events.NextAsync());

        Assert.Equal(first.Version() + 1, second.Version());
        Assert.Equal("doc.created", doc.Topic);
    }

    [Fact]
    public async Task NameOverridesTheSnakeCaseName()
    {
        await using var session = await host.ConnectAsync();
        await using var events = await EventRecorder.StartAsync(session, "doc.created");

        await session.RpcAsync("doc.create", new { title = "named" });

        Assert.Equal("named", (await events.NextAsync()).Row()["title"]);
        Assert.Equal("wamp.error.no_such_procedure", (await session.FailsAsync("document.create", new { title = "x" })).Uri);
    }

    [Fact]
    public async Task UriPrefixGoesBeforeEveryTopicAndProcedure()
    {
        var prefixed = await LiveDataHost.StartAsync(o =>
        {
            o.UriPrefix = "app.";
            o.Entity<TodoItem>(e => e.Name("todo"));
        });
        try
        {
            await using var session = await prefixed.ConnectAsync();
            await using var events = await EventRecorder.StartAsync(session, "app.todo.created");

            await session.RpcAsync("app.todo.create", new { title = "prefixed" });

            Assert.Equal("prefixed", (await events.NextAsync()).Row()["title"]);
            Assert.Equal("wamp.error.no_such_procedure", (await session.FailsAsync("todo_item.create", new { title = "x" })).Uri);
        }
        finally
        {
            await prefixed.DisposeAsync();
        }
    }

    [Fact]
    public async Task ChangesThroughTheAppsOwnDbContextArePublished()
    {
        await using var session = await host.ConnectAsync();
        await using var events = await EventRecorder.StartAsync(session, TodoTopics);
        await using var scope = host.OpenDb();
        var item = new TodoItem { Title = "app-code" };

        scope.Db.TodoItems.Add(item);
        await scope.Db.SaveChangesAsync();
        item.Done = true;
        await scope.Db.SaveChangesAsync();
        scope.Db.TodoItems.Remove(item);
        await scope.Db.SaveChangesAsync();

        var published = await events.NextAsync(3);
        Assert.Equal(TodoTopics, published.Select(e => e.Topic));
        Assert.All(published, e => Assert.Equal((long)item.Id, Payloads.Id(e.Row())));
        Assert.Equal("[\"done\"]", Payloads.Canon(published[1].ArgumentsKeywords["changed"]));
        Assert.Equal(true, published[1].Row()["done"]);
    }

    [Fact]
    public async Task OneSaveChangesWithSeveralRowsPublishesEachInOrder()
    {
        await using var session = await host.ConnectAsync();
        await using var events = await EventRecorder.StartAsync(session, "todo_item.created");
        await using var scope = host.OpenDb();

        scope.Db.TodoItems.AddRange(new TodoItem { Title = "batch-1" }, new TodoItem { Title = "batch-2" }, new TodoItem { Title = "batch-3" });
        await scope.Db.SaveChangesAsync();

        var published = await events.NextAsync(3);
        Assert.Equal(["batch-1", "batch-2", "batch-3"], published.Select(e => (string)e.Row()["title"]!));
        Assert.Equal([published[0].Version() + 1, published[0].Version() + 2], published.Skip(1).Select(e => e.Version()));
    }

    [Fact]
    public async Task SynchronousSaveChangesAndCommitPublishToo()
    {
        await using var session = await host.ConnectAsync();
        await using var events = await EventRecorder.StartAsync(session, "todo_item.created");
        await using var scope = host.OpenDb();

        await Task.Run(() =>
        {
            scope.Db.TodoItems.Add(new TodoItem { Title = "sync-1" });
            scope.Db.SaveChanges();
            using var transaction = scope.Db.Database.BeginTransaction();
            scope.Db.TodoItems.Add(new TodoItem { Title = "sync-2" });
            scope.Db.SaveChanges();
            transaction.Commit();
        }).WaitAsync(Wait.Timeout);

        Assert.Equal(["sync-1", "sync-2"], (await events.NextAsync(2)).Select(e => (string)e.Row()["title"]!));
    }

    [Fact]
    public async Task RolledBackTransactionPublishesNothing()
    {
        await using var session = await host.ConnectAsync();
        await using var events = await EventRecorder.StartAsync(session, "todo_item.created");
        await using (var scope = host.OpenDb())
        {
            await using var transaction = await scope.Db.Database.BeginTransactionAsync();
            scope.Db.TodoItems.Add(new TodoItem { Title = "rolled-back" });
            await scope.Db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await session.RpcAsync("todo_item.create", new { title = "after-rollback" });

        Assert.Equal("after-rollback", (await events.NextAsync()).Row()["title"]);
        await using var check = host.OpenDb();
        Assert.False(await check.Db.TodoItems.AnyAsync(t => t.Title == "rolled-back"));
    }

    [Fact]
    public async Task ChangesRolledBackToASavepointAreNotPublished()
    {
        await using var session = await host.ConnectAsync();
        await using var events = await EventRecorder.StartAsync(session, "todo_item.created");
        await using (var scope = host.OpenDb())
        {
            await using var transaction = await scope.Db.Database.BeginTransactionAsync();
            scope.Db.TodoItems.Add(new TodoItem { Title = "kept" });
            await scope.Db.SaveChangesAsync();
            await transaction.CreateSavepointAsync("before-undone");
            scope.Db.TodoItems.Add(new TodoItem { Title = "undone-1" });
            await scope.Db.SaveChangesAsync();
            scope.Db.TodoItems.Add(new TodoItem { Title = "undone-2" });
            await scope.Db.SaveChangesAsync();
            await transaction.RollbackToSavepointAsync("before-undone");
            await transaction.CommitAsync();
        }

        await session.RpcAsync("todo_item.create", new { title = "after-savepoint" });

        Assert.Equal(["kept", "after-savepoint"], (await events.NextAsync(2)).Select(e => (string)e.Row()["title"]!));
    }

    [Fact]
    public async Task TransactionDisposedWithoutCommitPublishesNothingLater()
    {
        await using var session = await host.ConnectAsync();
        await using var events = await EventRecorder.StartAsync(session, "todo_item.created");
        await using var scope = host.OpenDb();
        await using (await scope.Db.Database.BeginTransactionAsync())
        {
            scope.Db.TodoItems.Add(new TodoItem { Title = "abandoned" });
            await scope.Db.SaveChangesAsync();
        }

        scope.Db.ChangeTracker.Clear();
        await using (var transaction = await scope.Db.Database.BeginTransactionAsync())
        {
            scope.Db.TodoItems.Add(new TodoItem { Title = "committed-later" });
            await scope.Db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal("committed-later", (await events.NextAsync()).Row()["title"]);
        await session.RpcAsync("todo_item.create", new { title = "marker-after-abandoned" });
        Assert.Equal("marker-after-abandoned", (await events.NextAsync()).Row()["title"]);
    }

    [Fact]
    public async Task CommittedTransactionPublishesAtCommitOnly()
    {
        // A raw peer sees the wire order: a live-query snapshot goes through the same loop as the
        // events, so an event queued before the commit would arrive before the snapshot.
        await using var peer = await TestPeer.JoinAsync(host.Url, LiveDataHost.Realm);
        await peer.SubscribeAsync("todo_item.created");
        await using var scope = host.OpenDb();
        await using var transaction = await scope.Db.Database.BeginTransactionAsync();
        scope.Db.TodoItems.Add(new TodoItem { Title = "in-transaction" });
        await scope.Db.SaveChangesAsync();

        var query = WampConvert.ToWampDictionary(new { where = new { title = "in-transaction" } });
        await peer.SendAsync(new CallMessage(peer.NextRequest(), new Dictionary<string, object?>(), "todo_item.live", null, query));
        var snapshot = await peer.ReceiveAsync<ResultMessage>();
        await transaction.CommitAsync();
        var published = await peer.ReceiveAsync<EventMessage>();

        Assert.Empty(Payloads.List(Payloads.Map(snapshot.Arguments![0])["rows"]));
        Assert.Equal("in-transaction", Payloads.Map(published.Arguments![0])["title"]);
    }

    [Fact]
    public async Task FailedSaveChangesPublishesNothing()
    {
        await using var session = await host.ConnectAsync();
        await using var events = await EventRecorder.StartAsync(session, TodoTopics);
        var existing = Payloads.Id((await session.RpcAsync("todo_item.create", new { title = "existing" })).Row());
        await events.NextAsync();
        await using (var scope = host.OpenDb())
        {
            scope.Db.TodoItems.Add(new TodoItem { Title = "fine" });
            scope.Db.TodoItems.Add(new TodoItem { Id = (int)existing, Title = "duplicate key" });
            await Assert.ThrowsAsync<DbUpdateException>(() => scope.Db.SaveChangesAsync());
        }

        await session.RpcAsync("todo_item.create", new { title = "after-failure" });

        Assert.Equal("after-failure", (await events.NextAsync()).Row()["title"]);
        await using var check = host.OpenDb();
        Assert.False(await check.Db.TodoItems.AnyAsync(t => t.Title == "fine"));
    }

    [Fact]
    public async Task ConcurrentWritersPublishEveryChangeOnceInVersionOrder()
    {
        const int Writers = 4, Rows = 25;
        await using var session = await host.ConnectAsync();
        await using var events = await EventRecorder.StartAsync(session, "todo_item.created");

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < Rows; i++)
            {
                await using var scope = host.OpenDb();
                scope.Db.TodoItems.Add(new TodoItem { Title = $"concurrent-{w}-{i}" });
                await scope.Db.SaveChangesAsync();
            }
        }))).WaitAsync(TimeSpan.FromSeconds(60));

        var published = await events.NextAsync(Writers * Rows);
        var versions = published.Select(e => e.Version()).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(Writers * Rows, versions.Distinct().Count());
        Assert.Equal(versions[0] + Writers * Rows - 1, versions[^1]);
        await using var check = host.OpenDb();
        var saved = await check.Db.TodoItems.Where(t => t.Title.StartsWith("concurrent-")).Select(t => (long)t.Id).ToListAsync();
        Assert.Equal(saved.Order(), published.Select(e => Payloads.Id(e.Row())).Order());
    }

    [Fact]
    public async Task HiddenFieldsAppearNowhere()
    {
        await using var session = await host.ConnectAsync();
        await using var events = await EventRecorder.StartAsync(session, TodoTopics);
        await using (var scope = host.OpenDb())
        {
            var item = new TodoItem { Title = "hidden", Secret = "s3cret" };
            scope.Db.TodoItems.Add(item);
            await scope.Db.SaveChangesAsync();
            item.Title = "hidden-2";
            item.Secret = "s3cret-2";
            await scope.Db.SaveChangesAsync();
            scope.Db.TodoItems.Remove(item);
            await scope.Db.SaveChangesAsync();
        }

        var published = await events.NextAsync(3);
        Assert.All(published, e => Assert.DoesNotContain("secret", Payloads.Canon(e.Row()), StringComparison.OrdinalIgnoreCase));
        Assert.Equal("[\"title\"]", Payloads.Canon(published[1].ArgumentsKeywords["changed"]));
        Assert.Equal("wamp.error.invalid_argument", (await session.FailsAsync("todo_item.create", new { title = "x", secret = "y" })).Uri);
    }
}
