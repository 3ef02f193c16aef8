using System.Reflection;
using System.Text.Json;
using LiveStack.Client;
using LiveStack.EntityFrameworkCore.Queries;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LiveStack.EntityFrameworkCore.Tests.Queries;

public enum QueryItemStatus
{
    Archived = -1,
    Open = 0,
    InProgress = 1,
    Closed = 2,
}

public sealed class QueryItem
{
    public int Id { get; set; }

    public string? Title { get; set; }

    public bool Done { get; set; }

    public int? Priority { get; set; }

    public DateTime Created { get; set; }

    public QueryItemStatus Status { get; set; }

    public decimal Price { get; set; }

    public Guid Ref { get; set; }

    /// <summary>Not exposed: absent from the query fields.</summary>
    public string? Secret { get; set; }
}

public sealed class QueryTestContext(string path) : DbContext
{
    public DbSet<QueryItem> Items => Set<QueryItem>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.UseSqlite($"Data Source={path}");

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<QueryItem>().Property(i => i.Id).ValueGeneratedNever();
}

/// <summary>A SQLite file with rows chosen to hit the edges: nulls, case, wildcards, non-ASCII text, ties.</summary>
public sealed class QueryDatabase : IDisposable
{
    public const int MaxTake = 100;

    public QueryDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"livestack-queries-{Guid.NewGuid():N}.db");
        using var db = Open();
        db.Database.EnsureCreated();
        db.Items.AddRange(Rows());
        db.SaveChanges();
    }

    public string Path { get; }

    /// <summary>The rows as built in memory (not read back), which the in-memory checks run on.</summary>
    public IReadOnlyList<QueryItem> Seed { get; } = Rows();

    internal QueryFields Fields { get; } = CreateFields();

    public QueryTestContext Open() => new(Path);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(Path);
    }

    internal static IReadOnlyDictionary<string, object?>? Where(string? json) =>
        json is null ? null : (IReadOnlyDictionary<string, object?>)Neutral(json)!;

    /// <summary>JSON (with ' for ") as a WAMP payload value.</summary>
    internal static object? Neutral(string json)
    {
        using var document = JsonDocument.Parse(json.Replace('\'', '"'));
        return WampConvert.ToWamp(document.RootElement);
    }

    internal EntityQuery<QueryItem> Parse(string? where, string? orderBy = null, long? skip = null, long? take = null) =>
        QueryParser.Parse<QueryItem>(Fields, Where(where), orderBy is null ? null : Neutral(orderBy), skip, take, MaxTake);

    private static QueryFields CreateFields()
    {
        var properties = typeof(QueryItem).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != nameof(QueryItem.Secret))
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p, StringComparer.Ordinal);
        return new QueryFields(typeof(QueryItem), properties, [typeof(QueryItem).GetProperty(nameof(QueryItem.Id))!]);
    }

    private static List<QueryItem> Rows()
    {
        var day = new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Unspecified);
        return
        [
            Row(1, "Apple", true, 1, day, QueryItemStatus.Open, 1.50m, "00000001-0000-0000-0000-000000000000"),
            Row(2, "apple", false, null, day.AddDays(1), QueryItemStatus.InProgress, 10.00m, "ffffffff-0000-0000-0000-000000000000"),
            Row(3, "APPLE pie", true, 3, day, QueryItemStatus.Closed, 2.25m, "00000000-0001-0000-0000-000000000000"),
            Row(4, null, false, 5, day.AddMilliseconds(-500), QueryItemStatus.Open, 9.99m, "00000000-0000-0001-0000-000000000000"),
            Row(5, "banana", true, 2, new DateTime(2024, 2, 29), QueryItemStatus.Archived, 100m, "00000000-0000-0000-0100-000000000000"),
            Row(6, "Banana split", false, null, new DateTime(2024, 3, 1, 0, 0, 0, 1), QueryItemStatus.Open, -1.5m, "00000000-0000-0000-0000-000000000001"),
            Row(7, "a_b%c", true, 1, new DateTime(2023, 6, 15), QueryItemStatus.InProgress, 0m, "80000000-0000-0000-0000-000000000000"),
            Row(8, "zeta", false, 4, new DateTime(2025, 1, 1), QueryItemStatus.Closed, 1.5m, "7fffffff-ffff-ffff-ffff-ffffffffffff"),
            Row(9, "\u00e9clair", true, null, day, QueryItemStatus.Open, 12m, "0000ffff-0000-0000-0000-000000000000"),
            Row(10, "\ue000 private", false, 2, day.AddTicks(1), QueryItemStatus.Archived, 3m, "00ff0000-0000-0000-0000-000000000000"),
            Row(11, "\U0001F600 smile", true, 3, day.AddTicks(-1), QueryItemStatus.Open, 0.001m, "abcdef01-2345-6789-abcd-ef0123456789"),
            Row(12, "pineapple", false, 1, new DateTime(2024, 12, 31, 23, 59, 59), QueryItemStatus.Closed, 999.99m, "ABCDEF01-2345-6789-ABCD-EF0123456780"),
            Row(13, string.Empty, true, 0, new DateTime(2000, 1, 1), QueryItemStatus.InProgress, 2.5m, "10000000-0000-0000-0000-000000000000"),
            Row(14, "Cherry", false, -3, new DateTime(2024, 5, 5), QueryItemStatus.Open, 20m, "01000000-0000-0000-0000-000000000000"),
            Row(15, null, true, null, new DateTime(2024, 5, 5), QueryItemStatus.Closed, 1.5m, "00000000-0000-0000-0000-000000000000"),
            Row(16, "apple", true, 2, day.AddDays(1), QueryItemStatus.InProgress, 10m, "00000000-0000-0000-0000-000000010000"),
        ];
    }

    private static QueryItem Row(int id, string? title, bool done, int? priority, DateTime created, QueryItemStatus status, decimal price, string reference) => new()
    {
        Id = id,
        Title = title,
        Done = done,
        Priority = priority,
        Created = created,
        Status = status,
        Price = price,
        Ref = Guid.Parse(reference),
        Secret = $"secret {id}",
    };
}
