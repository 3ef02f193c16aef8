using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Threading.Channels;
using LiveStack.Client;
using LiveStack.Client.Auth;
using LiveStack.Router;
using LiveStack.Router.Auth;
using LiveStack.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LiveStack.EntityFrameworkCore.Tests;

/// <summary>An entity without rules; <see cref="Secret"/> is hidden.</summary>
public sealed class TodoItem : IValidatableObject
{
    public int Id { get; set; }

    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string Title { get; set; } = "";

    public bool Done { get; set; }

    [Range(0, 10)]
    public int Priority { get; set; }

    public string? Secret { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Done && Title.StartsWith("draft", StringComparison.Ordinal))
        {
            yield return new ValidationResult("A draft cannot be done.", [nameof(Done)]);
        }
    }
}

/// <summary>An entity with a concurrency token, exposed as <c>doc</c>.</summary>
public sealed class Document
{
    public int Id { get; set; }

    [Required]
    public string Title { get; set; } = "";

    [ConcurrencyCheck]
    public int Version { get; set; }
}

/// <summary>An entity only its owner may read and write; <see cref="PasswordHash"/> is hidden.</summary>
public sealed class Note
{
    public const string Hash = "pbkdf2$never-sent";

    public int Id { get; set; }

    [Required]
    public string Owner { get; set; } = "";

    public string Text { get; set; } = "";

    public string PasswordHash { get; set; } = Hash;
}

public sealed class TestDb(DbContextOptions<TestDb> options) : DbContext(options)
{
    public DbSet<TodoItem> TodoItems => Set<TodoItem>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<Note> Notes => Set<Note>();
}

/// <summary>
/// A router with live data on a SQLite file of its own (one per test class): realm1 admits
/// anonymous sessions (role guest, allowed everything) and the ticket users alice and bob (role user).
/// </summary>
public sealed class LiveDataHost : IAsyncLifetime
{
    public const string Realm = "realm1";

    private readonly Action<LiveDataOptions> _configure;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"livestack-livedata-{Guid.NewGuid():N}.db");
    private RouterHost? _router;
    private IServiceProvider? _services;

    public LiveDataHost()
        : this(Standard)
    {
    }

    internal LiveDataHost(Action<LiveDataOptions> configure) => _configure = configure;

    /// <summary>Runs a test's code in the middle of one of the app's queries, to stage races.</summary>
    public CommandHook Hook { get; } = new();

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not started.");

    public Uri Url => _router?.WebSocketUrl ?? throw new InvalidOperationException("Not started.");

    /// <summary>The live-data options of every test class's host.</summary>
    public static void Standard(LiveDataOptions o)
    {
        o.Entity<TodoItem>(e => e
            .Hide(t => t.Secret)
            .Query("atLeast", (IQueryable<TodoItem> items, string prefix, int min) =>
                items.Where(t => t.Title.StartsWith(prefix) && t.Priority >= min).OrderBy(t => t.Id)));
        o.Entity<Document>(e => e.Name("doc"));
        o.Entity<Note>(e => e
            .CanRead((note, user) => note.Owner == user.AuthId)
            .CanCreate((note, user) => note.Owner == user.AuthId)
            .CanUpdate((note, user) => note.Owner == user.AuthId)
            .CanDelete((note, user) => note.Owner == user.AuthId)
            .Hide(note => note.PasswordHash));
    }

    /// <summary>Starts a host with other options (dispose it with <see cref="DisposeAsync"/>).</summary>
    internal static async Task<LiveDataHost> StartAsync(Action<LiveDataOptions> configure)
    {
        var host = new LiveDataHost(configure);
        await host.InitializeAsync();
        return host;
    }

    public async Task InitializeAsync()
    {
        var connection = $"Data Source={_path};Pooling=False";
        _router = await RouterHost.StartAsync(
            o => o.Realms.Add(CreateRealm()),
            services: s =>
            {
                s.AddDbContext<TestDb>(db => db.UseSqlite(connection).AddInterceptors(Hook));
                s.AddLiveStack().AddLiveData<TestDb>(_configure);
            },
            app: a => _services = a.Services).WaitAsync(Wait.Timeout);
        await using (var scope = OpenDb())
        {
            await scope.Db.Database.EnsureCreatedAsync();
        }

        // The procedures are in place once the app's session is ready.
        await Services.GetRequiredService<LiveClient>().WhenReadyAsync().WaitAsync(Wait.Timeout);
    }

    public async Task DisposeAsync()
    {
        if (_router is not null)
        {
            await _router.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(_path + suffix);
        }
    }

    /// <summary>A DI scope with its own <see cref="TestDb"/>, as app code outside the CRUD procedures uses it.</summary>
    public DbScope OpenDb() => new(Services.CreateAsyncScope());

    public Task<WampSession> ConnectAsync(WampAuthentication? authentication = null) =>
        WampSession.ConnectAsync(Url.ToString(), new WampSessionOptions
        {
            Realm = Realm,
            Authentication = authentication ?? WampAuthentication.Anonymous,
            DetailedErrors = true,
        }).WaitAsync(Wait.Timeout);

    public Task<WampSession> ConnectAsAsync(string user) => ConnectAsync(WampAuthentication.Ticket(user, $"{user}-ticket"));

    /// <summary>How many shared live-query evaluations exist whose key contains <paramref name="text"/> (white-box).</summary>
    internal int SharedEvaluations(string text)
    {
        var liveData = Services.GetRequiredService<LiveData<TestDb>>();
        var liveQueries = typeof(LiveData<TestDb>).GetField("_liveQueries", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(liveData)!;
        var shared = (Dictionary<string, SharedLiveQuery>)liveQueries.GetType().GetField("_shared", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(liveQueries)!;
        return shared.Keys.ToList().Count(k => k.Contains(text, StringComparison.Ordinal));
    }

    private static RealmOptions CreateRealm()
    {
        var realm = new RealmOptions { Name = Realm };
        var user = new WampRole { Name = "user" };
        user.Permissions.Add(new WampPermissionRule { Uri = "", Match = "prefix", Call = true, Subscribe = true });
        var guest = new WampRole { Name = "guest" };
        guest.Permissions.Add(WampPermissionRule.Everything());
        realm.Roles.Add(user);
        realm.Roles.Add(guest);
        realm.Auth.AnonymousRole = "guest";
        realm.Auth.Ticket["alice"] = new TicketPrincipal { Ticket = "alice-ticket", Role = "user" };
        realm.Auth.Ticket["bob"] = new TicketPrincipal { Ticket = "bob-ticket", Role = "user" };
        return realm;
    }
}

/// <summary>Runs an action once, right after the first query that matches starts reading (its snapshot is then fixed).</summary>
public sealed class CommandHook : DbCommandInterceptor
{
    private readonly Lock _gate = new();
    private (Func<DbCommand, bool> When, Func<Task> Action)? _armed;

    public void Once(Func<DbCommand, bool> when, Func<Task> action)
    {
        lock (_gate)
        {
            _armed = (when, action);
        }
    }

    /// <summary>True for a SELECT whose text or parameters mention <paramref name="text"/>.</summary>
    public static bool Selects(DbCommand command, string text) =>
        command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
        && (command.CommandText.Contains(text, StringComparison.Ordinal)
            || command.Parameters.Cast<DbParameter>().Any(p => p.Value is string value && value.Contains(text, StringComparison.Ordinal)));

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Func<Task>? action = null;
        lock (_gate)
        {
            if (_armed is { } armed && armed.When(command))
            {
                action = armed.Action;
                _armed = null;
            }
        }

        if (action is not null)
        {
            await action();
        }

        return result;
    }
}

public sealed class DbScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public TestDb Db { get; } = scope.ServiceProvider.GetRequiredService<TestDb>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}

internal static class Wait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
}

/// <summary>Records the events of some topics on one session, in arrival order.</summary>
public sealed class EventRecorder : IAsyncDisposable
{
    private readonly Channel<WampEvent> _events = Channel.CreateUnbounded<WampEvent>();
    private readonly List<WampSubscription> _subscriptions = [];

    public static async Task<EventRecorder> StartAsync(WampSession session, params string[] topics)
    {
        var recorder = new EventRecorder();
        foreach (var topic in topics)
        {
            recorder._subscriptions.Add(await session.SubscribeAsync(topic, (e, _) =>
            {
                recorder._events.Writer.TryWrite(e);
                return ValueTask.CompletedTask;
            }).WaitAsync(Wait.Timeout));
        }

        return recorder;
    }

    public async Task<WampEvent> NextAsync() => await _events.Reader.ReadAsync().AsTask().WaitAsync(Wait.Timeout);

    public async Task<List<WampEvent>> NextAsync(int count)
    {
        var events = new List<WampEvent>(count);
        for (var i = 0; i < count; i++)
        {
            events.Add(await NextAsync());
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync();
        }
    }
}

/// <summary>
/// A client's copy of a live query: the first update (snapshot or resume) applied on open, each
/// later one by <see cref="NextAsync"/>, exactly as docs/live-data.md tells clients to apply them.
/// </summary>
public sealed class LiveView : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<IReadOnlyDictionary<string, object?>> _updates = Channel.CreateUnbounded<IReadOnlyDictionary<string, object?>>();
    private readonly Task _pump;

    private LiveView(WampSession session, string procedure, IReadOnlyDictionary<string, object?>? query) =>
        _pump = PumpAsync(session, procedure, query);

    public List<IReadOnlyDictionary<string, object?>> Rows { get; private set; } = [];

    public string? Epoch { get; private set; }

    public long Version { get; private set; }

    /// <summary>The first update received (the snapshot or the resume).</summary>
    public IReadOnlyDictionary<string, object?> First { get; private set; } = Payloads.Empty;

    public IEnumerable<long> Ids => Rows.Select(Payloads.Id);

    /// <summary>Starts a live query; a resuming client passes <paramref name="since"/> and the rows it held.</summary>
    public static async Task<LiveView> OpenAsync(WampSession session, string procedure, object? query = null, object? since = null, IEnumerable<IReadOnlyDictionary<string, object?>>? rows = null)
    {
        var kwargs = WampConvert.ToWampDictionary(query)?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        if (since is not null)
        {
            kwargs["since"] = WampConvert.ToWamp(since);
        }

        var view = new LiveView(session, procedure, kwargs) { Rows = [.. rows ?? []] };
        view.First = await view.NextAsync();
        return view;
    }

    /// <summary>Receives and applies the next update.</summary>
    public async Task<IReadOnlyDictionary<string, object?>> NextAsync()
    {
        var update = await _updates.Reader.ReadAsync().AsTask().WaitAsync(Wait.Timeout);
        Apply(update);
        return update;
    }

    /// <summary>Applies updates until <paramref name="condition"/> holds.</summary>
    public async Task UntilAsync(Func<LiveView, bool> condition)
    {
        while (!condition(this))
        {
            await NextAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump.WaitAsync(Wait.Timeout);
        _stop.Dispose();
    }

    public static void ApplyDelta(List<IReadOnlyDictionary<string, object?>> rows, IReadOnlyDictionary<string, object?> delta)
    {
        var changed = Payloads.List(delta["changed"]).Cast<IReadOnlyDictionary<string, object?>>().ToList();
        var added = Payloads.List(delta["added"]).Cast<IReadOnlyDictionary<string, object?>>().ToList();
        var gone = Payloads.List(delta["removed"]).Select(k => (long)k!)
            .Concat(changed.Select(c => Payloads.Id(Payloads.Map(c["row"]))))
            .ToHashSet();
        rows.RemoveAll(r => gone.Contains(Payloads.Id(r)));
        foreach (var positioned in added.Concat(changed).OrderBy(p => (long)p["index"]!))
        {
            rows.Insert((int)(long)positioned["index"]!, Payloads.Map(positioned["row"]));
        }
    }

    private void Apply(IReadOnlyDictionary<string, object?> update)
    {
        switch (update["type"])
        {
            case "snapshot":
                Rows = [.. Payloads.List(update["rows"]).Select(Payloads.Map)];
                Epoch = (string)update["epoch"]!;
                break;
            case "resume":
                foreach (var delta in Payloads.List(update["deltas"]))
                {
                    ApplyDelta(Rows, Payloads.Map(delta));
                }

                Epoch = (string)update["epoch"]!;
                break;
            default:
                ApplyDelta(Rows, update);
                break;
        }

        Version = (long)update["version"]!;
    }

    private async Task PumpAsync(WampSession session, string procedure, IReadOnlyDictionary<string, object?>? query)
    {
        try
        {
            await foreach (var part in session.CallProgressiveAsync(procedure, null, query, cancellationToken: _stop.Token))
            {
                if (part.Arguments is [IReadOnlyDictionary<string, object?> update, ..])
                {
                    _updates.Writer.TryWrite(update);
                }
            }

            _updates.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            _updates.Writer.TryComplete();
        }
        catch (Exception e)
        {
            _updates.Writer.TryComplete(e);
        }
    }
}

/// <summary>Reading the neutral payload tree.</summary>
public static class Payloads
{
    public static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, object?> Map(object? value) => (IReadOnlyDictionary<string, object?>)value!;

    public static IReadOnlyList<object?> List(object? value) => (IReadOnlyList<object?>)value!;

    public static long Id(IReadOnlyDictionary<string, object?> row) => (long)row["id"]!;

    /// <summary>The row of a call result or an event (<c>args[0]</c>).</summary>
    public static IReadOnlyDictionary<string, object?> Row(this WampPayload payload) => Map(payload.Arguments[0]);

    /// <summary>The items of a <c>list</c> result.</summary>
    public static List<IReadOnlyDictionary<string, object?>> Items(this WampResult result) => [.. List(result.Row()["items"]).Select(Map)];

    public static long Version(this WampEvent e) => (long)e.ArgumentsKeywords["version"]!;

    /// <summary>A value as text with object keys sorted, for comparing payloads.</summary>
    public static string Canon(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(",", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Canon(p.Value)}")) + "}",
        IReadOnlyList<object?> list => "[" + string.Join(",", list.Select(Canon)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static string Canon(IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendLine(Canon(row));
        }

        return text.ToString();
    }

    /// <summary>Calls with keyword arguments given as an object (anonymous types welcome) and positional ones.</summary>
    public static Task<WampResult> RpcAsync(this WampSession session, string procedure, object? kwargs = null, IReadOnlyList<object?>? args = null) =>
        session.CallAsync(procedure, args is null ? null : WampConvert.ToWampList(args), WampConvert.ToWampDictionary(kwargs)).WaitAsync(Wait.Timeout);

    /// <summary>The error of a call that must fail.</summary>
    public static Task<WampException> FailsAsync(this WampSession session, string procedure, object? kwargs = null, IReadOnlyList<object?>? args = null) =>
        Assert.ThrowsAsync<WampException>(() => session.RpcAsync(procedure, kwargs, args));
}
