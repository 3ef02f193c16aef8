using LiveStack.Client;
using LiveStack.Testing;
using LiveStack.Wamp.Messages;
using Microsoft.EntityFrameworkCore;

namespace LiveStack.EntityFrameworkCore.Tests;

/// <summary>The <c>create</c>, <c>get</c>, <c>list</c>, <c>update</c> and <c>delete</c> procedures.</summary>
public class CrudTests(LiveDataHost host) : IClassFixture<LiveDataHost>
{
    [Fact]
    public async Task CreateReturnsTheRowWithItsGeneratedKey()
    {
        await using var session = await host.ConnectAsync();

        var created = (await session.RpcAsync("todo_item.create", new { title = "crud-create", priority = 3 })).Row();
        var fetched = (await session.RpcAsync("todo_item.get", args: [created["id"]])).Row();

        Assert.True(Payloads.Id(created) > 0);
        Assert.Equal(Payloads.Canon(created), Payloads.Canon(fetched));
        Assert.Equal(3L, fetched["priority"]);
    }

    [Fact]
    public async Task CreateAcceptsTheRowAsFirstArgument()
    {
        await using var session = await host.ConnectAsync();

        var created = (await session.RpcAsync("todo_item.create", args: [new { title = "crud-positional", done = true }])).Row();

        Assert.Equal(true, created["done"]);
    }

    [Fact]
    public async Task ListFiltersOrdersAndTakes()
    {
        await using var session = await host.ConnectAsync();
        foreach (var priority in new[] { 4, 1, 5, 2, 3 })
        {
            await session.RpcAsync("todo_item.create", new { title = $"crud-list-{priority}", priority, done = priority % 2 == 0 });
        }

        var result = await session.RpcAsync("todo_item.list", new { where = new { title = new { startsWith = "crud-list-" } }, orderBy = "-priority", take = 3 });
        var open = await session.RpcAsync("todo_item.list", new { where = new { title = new { startsWith = "crud-list-" }, done = false }, orderBy = "title" });

        Assert.Equal(["crud-list-5", "crud-list-4", "crud-list-3"], result.Items().Select(r => (string)r["title"]!));
        Assert.IsType<long>(result.Row()["version"]);
        Assert.Equal(["crud-list-1", "crud-list-3", "crud-list-5"], open.Items().Select(r => (string)r["title"]!));
    }

    [Fact]
    public async Task UpdateChangesOnlyTheGivenFields()
    {
        await using var session = await host.ConnectAsync();
        var id = Payloads.Id((await session.RpcAsync("todo_item.create", new { title = "crud-update", priority = 7 })).Row());

        var updated = (await session.RpcAsync("todo_item.update", args: [id, new { done = true }])).Row();
        var byKeywords = (await session.RpcAsync("todo_item.update", new { id, priority = 8 })).Row();

        Assert.Equal("{done:true,id:" + id + ",priority:7,title:\"crud-update\"}", Payloads.Canon(updated));
        Assert.Equal("{done:true,id:" + id + ",priority:8,title:\"crud-update\"}", Payloads.Canon(byKeywords));
        await using var scope = host.OpenDb();
        var saved = await scope.Db.TodoItems.SingleAsync(t => t.Id == id);
        Assert.Equal(("crud-update", true, 8), (saved.Title, saved.Done, saved.Priority));
    }

    [Fact]
    public async Task DeleteRemovesTheRowAndAnswersItsKey()
    {
        await using var session = await host.ConnectAsync();
        var id = Payloads.Id((await session.RpcAsync("todo_item.create", new { title = "crud-delete" })).Row());

        var deleted = await session.RpcAsync("todo_item.delete", args: [id]);

        Assert.Equal(id, (long)deleted.Arguments[0]!);
        Assert.Equal(LiveDataErrors.NotFound, (await session.FailsAsync("todo_item.get", args: [id])).Uri);
    }

    [Fact]
    public async Task InvalidRowsAreRefusedPerFieldAndNothingIsWritten()
    {
        await using var session = await host.ConnectAsync();
        var before = await CountAsync();

        var error = await session.FailsAsync("todo_item.create", new { title = "", priority = 11 });
        var ruleError = await session.FailsAsync("todo_item.create", new { title = "draft crud", done = true });

        Assert.Equal("wamp.error.invalid_argument", error.Uri);
        var errors = Payloads.Map(error.ArgumentsKeywords["errors"]);
        Assert.Equal(["priority", "title"], errors.Keys.Order());
        Assert.NotEmpty(Payloads.List(errors["title"]));
        Assert.Equal("[\"A draft cannot be done.\"]", Payloads.Canon(Payloads.Map(ruleError.ArgumentsKeywords["errors"])["done"]));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task InvalidUpdatesChangeNothing()
    {
        await using var session = await host.ConnectAsync();
        var id = Payloads.Id((await session.RpcAsync("todo_item.create", new { title = "crud-valid" })).Row());

        var error = await session.FailsAsync("todo_item.update", args: [id, new { title = "" }]);

        Assert.True(Payloads.Map(error.ArgumentsKeywords["errors"]).ContainsKey("title"));
        Assert.Equal("crud-valid", (await session.RpcAsync("todo_item.get", args: [id])).Row()["title"]);
    }

    [Fact]
    public async Task UnknownKeysAreNotFound()
    {
        await using var session = await host.ConnectAsync();

        Assert.Equal(LiveDataErrors.NotFound, (await session.FailsAsync("todo_item.get", args: [987654])).Uri);
        Assert.Equal(LiveDataErrors.NotFound, (await session.FailsAsync("todo_item.update", args: [987654, new { done = true }])).Uri);
        Assert.Equal(LiveDataErrors.NotFound, (await session.FailsAsync("todo_item.delete", args: [987654])).Uri);
    }

    [Fact]
    public async Task UnknownFieldsAreInvalidArguments()
    {
        await using var session = await host.ConnectAsync();
        var id = Payloads.Id((await session.RpcAsync("todo_item.create", new { title = "crud-unknown" })).Row());
        var before = await CountAsync();

        Assert.Equal("wamp.error.invalid_argument", (await session.FailsAsync("todo_item.create", new { title = "x", colour = "red" })).Uri);
        Assert.Equal("wamp.error.invalid_argument", (await session.FailsAsync("todo_item.update", args: [id, new { colour = "red" }])).Uri);
        Assert.Equal("wamp.error.invalid_argument", (await session.FailsAsync("todo_item.list", new { where = new { colour = "red" } })).Uri);
        Assert.Equal("wamp.error.invalid_argument", (await session.FailsAsync("todo_item.list", new { limitless = true })).Uri);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task StaleConcurrencyTokenConflictsAndFreshOneBumpsIt()
    {
        await using var session = await host.ConnectAsync();
        var id = Payloads.Id((await session.RpcAsync("doc.create", new { title = "v0" })).Row());

        var fresh = (await session.RpcAsync("doc.update", args: [id, new { title = "v1", version = 0 }])).Row();
        var conflict = await session.FailsAsync("doc.update", args: [id, new { title = "lost", version = 0 }]);
        var deleteConflict = await session.FailsAsync("doc.delete", args: [id, new { version = 0 }]);

        Assert.Equal(1L, fresh["version"]);
        Assert.Equal(LiveDataErrors.Conflict, conflict.Uri);
        Assert.Equal("{id:" + id + ",title:\"v1\",version:1}", Payloads.Canon(conflict.ArgumentsKeywords["current"]));
        Assert.Equal(LiveDataErrors.Conflict, deleteConflict.Uri);
        await session.RpcAsync("doc.delete", args: [id, new { version = 1 }]);
        Assert.Equal(LiveDataErrors.NotFound, (await session.FailsAsync("doc.get", args: [id])).Uri);
    }

    [Fact]
    public async Task IdempotencyKeyAppliesARetriedWriteOnce()
    {
        await using var session = await host.ConnectAsync();

        var first = await session.RpcAsync("todo_item.create", new { title = "crud-idempotent", idempotencyKey = "k-1" });
        var retry = await session.RpcAsync("todo_item.create", new { title = "crud-idempotent", idempotencyKey = "k-1" });
        var other = await session.RpcAsync("todo_item.create", new { title = "crud-idempotent", idempotencyKey = "k-2" });

        Assert.Equal(Payloads.Canon(first.Row()), Payloads.Canon(retry.Row()));
        Assert.NotEqual(Payloads.Id(first.Row()), Payloads.Id(other.Row()));
        await using var scope = host.OpenDb();
        Assert.Equal(2, await scope.Db.TodoItems.CountAsync(t => t.Title == "crud-idempotent"));
    }

    [Fact]
    public async Task RetriedIdempotentUpdateDoesNotConflictWithItself()
    {
        await using var session = await host.ConnectAsync();
        var id = Payloads.Id((await session.RpcAsync("doc.create", new { title = "idem" })).Row());

        await session.RpcAsync("doc.update", args: [id, new { title = "idem-1", version = 0 }], kwargs: new { idempotencyKey = "u-1" });
        var retry = (await session.RpcAsync("doc.update", args: [id, new { title = "idem-1", version = 0 }], kwargs: new { idempotencyKey = "u-1" })).Row();

        Assert.Equal(1L, retry["version"]);
        Assert.Equal("idem-1", (await session.RpcAsync("doc.get", args: [id])).Row()["title"]);
    }

    [Fact]
    public async Task TheCallerReceivesTheEventBeforeTheResult()
    {
        await using var peer = await TestPeer.JoinAsync(host.Url, LiveDataHost.Realm);
        await peer.SubscribeAsync("todo_item.created");

        var arguments = WampConvert.ToWampDictionary(new { title = "read-your-writes" });
        await peer.SendAsync(new CallMessage(peer.NextRequest(), new Dictionary<string, object?>(), "todo_item.create", null, arguments));
        var first = await peer.ReceiveAnyAsync();
        var second = await peer.ReceiveAnyAsync();

        var published = Assert.IsType<EventMessage>(first);
        Assert.IsType<ResultMessage>(second);
        Assert.Equal("read-your-writes", Payloads.Map(published.Arguments![0])["title"]);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = host.OpenDb();
        return await scope.Db.TodoItems.CountAsync();
    }
}
