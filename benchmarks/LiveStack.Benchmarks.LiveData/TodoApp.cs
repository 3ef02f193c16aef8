using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveStack.Benchmarks.LiveData;

/// <summary>samples/Todo's entity, plus the time its create was sent (a <see cref="System.Diagnostics.Stopwatch"/> timestamp) for latency.</summary>
public sealed class TodoItem
{
    public int Id { get; set; }

    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string Title { get; set; } = "";

    public bool Done { get; set; }

    public long SentAt { get; set; }
}

/// <summary>The app's database: one table of todo items.</summary>
public sealed class BenchDb(DbContextOptions<BenchDb> options) : DbContext(options)
{
    public DbSet<TodoItem> TodoItems => Set<TodoItem>();
}

/// <summary>
/// A samples/Todo-like app in this process: <c>AddDbContext</c> on a temp SQLite file
/// (<c>Pooling=True</c>, WAL journal), <c>AddLiveData</c> exposing <see cref="TodoItem"/> as
/// <c>todo_item</c>, WAMP at <c>/ws</c> on a free loopback port. The router runs with its defaults.
/// </summary>
internal sealed class TodoApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TodoApp(WebApplication app, string database, string url, DbContextOptions<BenchDb> plainOptions)
    {
        _app = app;
        Database = database;
        Url = url;
        PlainOptions = plainOptions;
    }

    /// <summary>The SQLite file.</summary>
    public string Database { get; }

    /// <summary>The app's WAMP endpoint.</summary>
    public string Url { get; }

    /// <summary>
    /// Options for plain EF Core on the same file and connection pool, without the live-data
    /// interceptors (those are added only to the contexts the app's DI container creates).
    /// </summary>
    public DbContextOptions<BenchDb> PlainOptions { get; }

    /// <param name="busyTimeoutMilliseconds">SQLite's busy timeout on every connection of both the app and plain EF Core (see <see cref="SqliteBusyTimeout"/>); 0 leaves Microsoft.Data.Sqlite's default.</param>
    public static async Task<TodoApp> StartAsync(int busyTimeoutMilliseconds)
    {
        var database = Path.Combine(Path.GetTempPath(), $"livestack-livedata-bench-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Pooling = true }.ToString();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Logs go to stderr with the progress lines; stdout is the report.
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The open realm's one-time warning is expected here.
        builder.Logging.AddFilter("LiveStack.Router", LogLevel.Error);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        void Configure(DbContextOptionsBuilder o)
        {
            o.UseSqlite(connectionString);
            if (busyTimeoutMilliseconds > 0)
            {
                o.AddInterceptors(new SqliteBusyTimeout(busyTimeoutMilliseconds));
            }
        }

        builder.Services.AddDbContext<BenchDb>(Configure);
        builder.Services.AddLiveStack().AddLiveData<BenchDb>(o => o.Entity<TodoItem>());

        var app = builder.Build();
        try
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<BenchDb>();
                await db.Database.EnsureCreatedAsync().ConfigureAwait(false);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;").ConfigureAwait(false);
            }

            app.MapLiveStack("/ws");
            await app.StartAsync().ConfigureAwait(false);
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
            var plain = new DbContextOptionsBuilder<BenchDb>();
            Configure(plain);
            return new TodoApp(app, database, $"ws://127.0.0.1:{address.Port}/ws", plain.Options);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The journal mode SQLite reports for the file (expected: wal).</summary>
    public async Task<string> JournalModeAsync()
    {
        await using var db = new BenchDb(PlainOptions);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        return (string?)await command.ExecuteScalarAsync().ConfigureAwait(false) ?? "?";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in (string[])["", "-wal", "-shm"])
        {
            File.Delete(Database + suffix);
        }
    }
}
