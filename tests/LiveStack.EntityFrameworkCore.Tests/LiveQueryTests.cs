using LiveStack.Client;
using LiveStack.Testing;
using LiveStack.Wamp.Messages;
using Microsoft.EntityFrameworkCore;

namespace LiveStack.EntityFrameworkCore.Tests;

/// <summary><c>{entity}.live</c>: snapshot, deltas, paging, sharing, resuming and the snapshot/stream race.</summary>
public class LiveQueryTests(LiveDataHost host) : IClassFixture<LiveDataHost>
{
    private const string Live = "todo_item.live";

    [Fact]
    public async Task SnapshotThenADeltaPerCreateUpdateAndDelete()
    {
        await using var session = await host.ConnectAsync();
        var a = await CreateAsync(session, "basic-a", 5);
        await using var view = await LiveView.OpenAsync(session, Live, StartingWith("basic-", orderBy: "priority"));

        var b = await CreateAsync(session, "basic-b", 3);
        var added = await view.NextAsync();
        await session.RpcAsync("todo_item.update", args: [a, new { priority = 1 }]);
        var changed = await view.NextAsync();
        await session.RpcAsync("todo_item.delete", args: [b]);
        var removed = await view.NextAsync();

        Assert.Equal("snapshot", view.First["type"]);
        Assert.Equal("[{index:0,row:{done:false,id:" + b + ",priority:3,title:\"basic-b\"}}]", Payloads.Canon(added["added"]));
        Assert.Equal("[{index:0,row:{done:false,id:" + a + ",priority:1,title:\"basic-a\"}}]", Payloads.Canon(changed["changed"]));
        Assert.Equal("[" + b + "]", Payloads.Canon(removed["removed"]));
        Assert.Equal([a], view.Ids);
        Assert.True((long)added["version"]! < (long)changed["version"]! && (long)changed["version"]! < (long)removed["version"]!);
    }

    [Fact]
    public async Task ACallWithoutProgressGetsTheSnapshot()
    {
        await using var session = await host.ConnectAsync();
        await CreateAsync(session, "once-a", 1);

        var result = (await session.RpcAsync(Live, StartingWith("once-"))).Row();

        Assert.Equal("snapshot", result["type"]);
        Assert.Equal(["once-a"], Payloads.List(result["rows"]).Select(r => (string)Payloads.Map(r)["title"]!));
        Assert.Equal("wamp.error.invalid_argument", (await session.FailsAsync(Live, new { where = new { secret = "x" } })).Uri);
    }

    [Fact]
    public async Task TheWritersLiveQueryHasTheDeltaBeforeTheWriteAnswers()
    {
        await using var peer = await TestPeer.JoinAsync(host.Url, LiveDataHost.Realm);
        var live = peer.NextRequest();
        var progress = new Dictionary<string, object?> { ["receive_progress"] = true };
        await peer.SendAsync(new CallMessage(live, progress, Live, null, WampConvert.ToWampDictionary(StartingWith("ryw-"))));
        await peer.ReceiveAsync<ResultMessage>();

        var create = peer.NextRequest();
        await peer.SendAsync(new CallMessage(create, new Dictionary<string, object?>(), "todo_item.create", null, WampConvert.ToWampDictionary(new { title = "ryw-1" })));
        var first = await peer.ReceiveAsync<ResultMessage>();
        var second = await peer.ReceiveAsync<ResultMessage>();

        Assert.Equal((live, create), (first.Request, second.Request));
        Assert.Equal("delta", Payloads.Map(first.Arguments![0])["type"]);
    }

    [Fact]
    public async Task ALimitedPageLosesPushedOutRowsAndRefillsDeletedOnes()
    {
        await using var session = await host.ConnectAsync();
        var ids = new Dictionary<int, long>();
        foreach (var priority in new[] { 1, 2, 3, 4, 5 })
        {
            ids[priority] = await CreateAsync(session, $"page-{priority}", priority);
        }

        var outsider = await CreateAsync(session, "outside-page", 0);
        var query = StartingWith("page-", orderBy: "priority", take: 3);
        await using var view = await LiveView.OpenAsync(session, Live, query);
        Assert.Equal([ids[1], ids[2], ids[3]], view.Ids);

        var zero = await CreateAsync(session, "page-0", 0);
        var pushed = await view.NextAsync();
        Assert.Equal([zero, ids[1], ids[2]], view.Ids);
        Assert.Equal("[" + ids[3] + "]", Payloads.Canon(pushed["removed"]));
        await AssertMatchesListAsync(session, view, query);

        await session.RpcAsync("todo_item.delete", args: [zero]);
        await view.NextAsync();
        Assert.Equal([ids[1], ids[2], ids[3]], view.Ids);
        await AssertMatchesListAsync(session, view, query);

        await session.RpcAsync("todo_item.update", args: [ids[2], new { priority = 9 }]);
        await view.NextAsync();
        Assert.Equal([ids[1], ids[3], ids[4]], view.Ids);
        await AssertMatchesListAsync(session, view, query);

        // A change outside the filter sends nothing: the next delta is the one after it.
        await session.RpcAsync("todo_item.update", args: [outsider, new { priority = 1 }]);
        await session.RpcAsync("todo_item.update", args: [ids[5], new { priority = 0 }]);
        var next = await view.NextAsync();
        Assert.Equal("[{index:0,row:{done:false,id:" + ids[5] + ",priority:0,title:\"page-5\"}}]", Payloads.Canon(next["added"]));
        Assert.Equal("[" + ids[4] + "]", Payloads.Canon(next["removed"]));
        Assert.Equal([ids[5], ids[1], ids[3]], view.Ids);
        await AssertMatchesListAsync(session, view, query);
    }

    [Fact]
    public async Task IdenticalQueriesShareOneEvaluation()
    {
        await using var first = await host.ConnectAsync();
        await using var second = await host.ConnectAsync();
        await using var one = await LiveView.OpenAsync(first, Live, new { where = new { title = new { startsWith = "shared-" }, done = false } });
        await using var other = await LiveView.OpenAsync(second, Live, new { where = new { done = false, title = new { startsWith = "shared-" } } });

        await CreateAsync(first, "shared-1", 1);
        var (a, b) = (await one.NextAsync(), await other.NextAsync());

        Assert.Equal(1, host.SharedEvaluations("\"shared-\""));
        Assert.Equal(Payloads.Canon(a), Payloads.Canon(b));
    }

    [Fact]
    public async Task SnapshotAndStreamNeitherMissNorRepeatChangesMadeMeanwhile()
    {
        await using var session = await host.ConnectAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = Task.Run(async () =>
        {
            var created = new List<int>();
            for (var i = 0; i < 120; i++)
            {
                await using var scope = host.OpenDb();
                var item = new TodoItem { Title = $"race-{i:D3}", Priority = i % 10 };
                scope.Db.TodoItems.Add(item);
                if (i % 3 == 0 && created.Count > 0)
                {
                    var earlier = (await scope.Db.TodoItems.FindAsync(created[i % created.Count]))!;
                    earlier.Priority = (earlier.Priority + 7) % 10;
                }

                if (i % 7 == 0 && created.Count > 1)
                {
                    scope.Db.TodoItems.Remove((await scope.Db.TodoItems.FindAsync(created[0]))!);
                    created.RemoveAt(0);
                }

                await scope.Db.SaveChangesAsync();
                created.Add(item.Id);
                if (i == 10)
                {
                    started.TrySetResult();
                }
            }
        });
        await started.Task.WaitAsync(Wait.Timeout);
        var queries = new object[]
        {
            StartingWith("race-", orderBy: "id"),
            StartingWith("race-", orderBy: "-priority"),
            StartingWith("race-", orderBy: "-id", take: 20),
            StartingWith("race-", orderBy: "priority", take: 15),
        };
        var views = new List<LiveView>();
        foreach (var query in queries)
        {
            views.Add(await LiveView.OpenAsync(session, Live, query));
        }

        await writer.WaitAsync(TimeSpan.FromSeconds(60));
        var marker = await CreateAsync(session, "race-marker", 0);
        try
        {
            foreach (var (view, query) in views.Zip(queries))
            {
                await view.UntilAsync(v => v.Ids.Contains(marker));
                Assert.Equal(view.Rows.Count, view.Ids.Distinct().Count());
                await AssertMatchesListAsync(session, view, query);
            }
        }
        finally
        {
            foreach (var view in views)
            {
                await view.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task RefreshesAfterWritesAroundTheChangeTrackerLoseNoConcurrentChange()
    {
        await using var session = await host.ConnectAsync();
        var query = StartingWith("mixed-", orderBy: "id");
        await CreateAsync(session, "mixed-first", 0);
        await using var view = await LiveView.OpenAsync(session, Live, query);

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 150; i++)
            {
                await using var scope = host.OpenDb();
                scope.Db.TodoItems.Add(new TodoItem { Title = $"mixed-{i:D3}" });
                await scope.Db.SaveChangesAsync();
            }
        });
        var bypasser = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await using var scope = host.OpenDb();
                await scope.Db.TodoItems.Where(t => t.Title.StartsWith("mixed-")).ExecuteUpdateAsync(s => s.SetProperty(t => t.Priority, i % 10));
            }
        });
        await Task.WhenAll(writer, bypasser).WaitAsync(TimeSpan.FromSeconds(60));
        var marker = await CreateAsync(session, "mixed-marker", 0);

        await view.UntilAsync(v => v.Ids.Contains(marker));
        await AssertMatchesListAsync(session, view, query);
    }

    [Fact]
    public async Task ACommitDuringARefreshIsNotLost()
    {
        await using var session = await host.ConnectAsync();
        var query = StartingWith("hooked-", orderBy: "id");
        await CreateAsync(session, "hooked-a", 1);
        await using var view = await LiveView.OpenAsync(session, Live, query);
        var committed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Hook.Once(c => CommandHook.Selects(c, "hooked-"), async () =>
        {
            // Commits after the refresh's query started reading, before it finished.
            await using var scope = host.OpenDb();
            var item = new TodoItem { Title = "hooked-late" };
            scope.Db.TodoItems.Add(item);
            await scope.Db.SaveChangesAsync();
            committed.SetResult(item.Id);
        });

        await using (var scope = host.OpenDb())
        {
            await scope.Db.TodoItems.Where(t => t.Title == "hooked-a").ExecuteUpdateAsync(s => s.SetProperty(t => t.Done, true));
        }

        var late = await committed.Task.WaitAsync(Wait.Timeout);
        var marker = await CreateAsync(session, "hooked-marker", 2);
        await view.UntilAsync(v => v.Ids.Contains(marker));

        Assert.Contains(late, view.Ids);
        await AssertMatchesListAsync(session, view, query);
    }

    [Fact]
    public async Task ResumeSendsExactlyTheMissedDeltas()
    {
        await using var session = await host.ConnectAsync();
        var query = StartingWith("resume-", orderBy: "id");
        var a = await CreateAsync(session, "resume-a", 1);
        var view = await LiveView.OpenAsync(session, Live, query);
        var (epoch, version, rows) = (view.Epoch, view.Version, view.Rows);
        await view.DisposeAsync();

        var b = await CreateAsync(session, "resume-b", 2);
        await session.RpcAsync("todo_item.update", args: [a, new { title = "resume-a2" }]);
        await session.RpcAsync("todo_item.delete", args: [b]);
        await using var resumed = await LiveView.OpenAsync(session, Live, query, since: new { epoch, version }, rows: rows);

        Assert.Equal("resume", resumed.First["type"]);
        var deltas = Payloads.List(resumed.First["deltas"]).Select(Payloads.Map).ToList();
        Assert.Equal([version + 1, version + 2, version + 3], deltas.Select(d => (long)d["version"]!));
        Assert.Equal(b, Payloads.Id(Payloads.Map(Payloads.Map(Payloads.List(deltas[0]["added"])[0])["row"])));
        Assert.Equal("resume-a2", Payloads.Map(Payloads.Map(Payloads.List(deltas[1]["changed"])[0])["row"])["title"]);
        Assert.Equal("[" + b + "]", Payloads.Canon(deltas[2]["removed"]));
        await AssertMatchesListAsync(session, resumed, query);

        var c = await CreateAsync(session, "resume-c", 3);
        await resumed.NextAsync();
        Assert.Equal([a, c], resumed.Ids);
    }

    [Fact]
    public async Task AnUnknownEpochOrAVersionOutsideTheHistoryGetsASnapshot()
    {
        await using var session = await host.ConnectAsync();
        var query = StartingWith("stale-");
        await CreateAsync(session, "stale-a", 1);
        string epoch;
        await using (var first = await LiveView.OpenAsync(session, Live, query))
        {
            epoch = first.Epoch!;
        }

        await using var unknown = await LiveView.OpenAsync(session, Live, query, since: new { epoch = "not-this-process", version = 0 });
        await using var tooOld = await LiveView.OpenAsync(session, Live, StartingWith("stale-", orderBy: "title"), since: new { epoch, version = -1 });
        await using var future = await LiveView.OpenAsync(session, Live, query, since: new { epoch, version = long.MaxValue });

        Assert.All(new[] { unknown, tooOld, future }, v => Assert.Equal("snapshot", v.First["type"]));
        Assert.All(new[] { unknown, tooOld, future }, v => Assert.Equal(["stale-a"], v.Rows.Select(r => (string)r["title"]!)));
    }

    [Fact]
    public async Task NamedQueriesTakeParametersAndStayLive()
    {
        await using var session = await host.ConnectAsync();
        var low = await CreateAsync(session, "named-low", 2);
        var high = await CreateAsync(session, "named-high", 8);
        await using var five = await LiveView.OpenAsync(session, Live, new { query = "atLeast", @params = new { prefix = "named-", min = 5 } });
        await using var eight = await LiveView.OpenAsync(session, Live, new { query = "atLeast", @params = new { prefix = "named-", min = 8 } });
        Assert.Equal([high], five.Ids);

        var higher = await CreateAsync(session, "named-higher", 9);
        await five.NextAsync();
        await eight.NextAsync();
        await session.RpcAsync("todo_item.update", args: [low, new { priority = 6 }]);
        await five.NextAsync();

        Assert.Equal([low, high, higher], five.Ids);
        Assert.Equal([high, higher], eight.Ids);
        Assert.Equal("wamp.error.invalid_argument", (await session.FailsAsync(Live, new { query = "atLeast", @params = new { prefix = "x" } })).Uri);
        Assert.Equal("wamp.error.invalid_argument", (await session.FailsAsync(Live, new { query = "nope" })).Uri);
    }

    [Fact]
    public async Task WritesAroundTheChangeTrackerRefreshLiveQueriesWithoutEvents()
    {
        await using var session = await host.ConnectAsync();
        await using var events = await EventRecorder.StartAsync(session, "todo_item.updated", "todo_item.deleted");
        var a = await CreateAsync(session, "around-a", 1);
        var b = await CreateAsync(session, "around-b", 2);
        var query = StartingWith("around-", orderBy: "id");
        await using var view = await LiveView.OpenAsync(session, Live, query);
        await using var scope = host.OpenDb();

        await scope.Db.TodoItems.Where(t => t.Title.StartsWith("around-")).ExecuteUpdateAsync(s => s.SetProperty(t => t.Done, true));
        var updated = await view.NextAsync();
        await scope.Db.TodoItems.Where(t => t.Id == a).ExecuteDeleteAsync();
        var deleted = await view.NextAsync();

        Assert.Equal(2, Payloads.List(updated["changed"]).Count);
        Assert.All(view.Rows, r => Assert.Equal(true, r["done"]));
        Assert.Equal("[" + a + "]", Payloads.Canon(deleted["removed"]));
        Assert.Equal([b], view.Ids);
        await AssertMatchesListAsync(session, view, query);
        await session.RpcAsync("todo_item.update", args: [b, new { priority = 3 }]);
        Assert.Equal(b, Payloads.Id((await events.NextAsync()).Row()));
    }

    [Fact]
    public async Task WritesAroundTheChangeTrackerInATransactionRefreshAtCommitOnly()
    {
        await using var session = await host.ConnectAsync();
        var a = await CreateAsync(session, "aroundtx-a", 1);
        var query = StartingWith("aroundtx-", orderBy: "id");
        await using var view = await LiveView.OpenAsync(session, Live, query);
        await using var scope = host.OpenDb();

        await using (var transaction = await scope.Db.Database.BeginTransactionAsync())
        {
            await scope.Db.TodoItems.Where(t => t.Id == a).ExecuteUpdateAsync(s => s.SetProperty(t => t.Priority, 7));
            await transaction.RollbackAsync();
        }

        await session.RpcAsync("todo_item.update", args: [a, new { title = "aroundtx-a2" }]);
        var marker = await view.NextAsync();
        await using (var transaction = await scope.Db.Database.BeginTransactionAsync())
        {
            await scope.Db.TodoItems.Where(t => t.Id == a).ExecuteUpdateAsync(s => s.SetProperty(t => t.Priority, 8));
            await transaction.CommitAsync();
        }

        var committed = await view.NextAsync();

        Assert.Equal("{done:false,id:" + a + ",priority:1,title:\"aroundtx-a2\"}", Payloads.Canon(Payloads.Map(Payloads.List(marker["changed"])[0])["row"]));
        Assert.Equal(8L, Payloads.Map(Payloads.Map(Payloads.List(committed["changed"])[0])["row"])["priority"]);
        await AssertMatchesListAsync(session, view, query);
    }

    private static object StartingWith(string prefix, string? orderBy = null, int? take = null) =>
        new { where = new { title = new { startsWith = prefix } }, orderBy, take };

    private static async Task<long> CreateAsync(WampSession session, string title, int priority) =>
        Payloads.Id((await session.RpcAsync("todo_item.create", new { title, priority })).Row());

    /// <summary>The client's copy of the live query equals what <c>list</c> reads from the database now.</summary>
    private static async Task AssertMatchesListAsync(WampSession session, LiveView view, object query)
    {
        var listed = await session.RpcAsync("todo_item.list", query);
        Assert.Equal(Payloads.Canon(listed.Items()), Payloads.Canon(view.Rows));
    }
}
