using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LiveStack.Benchmarks.LiveData;

/// <summary>
/// Sets SQLite's own busy timeout on every connection as it is opened (pooled connections too).
/// Without it Microsoft.Data.Sqlite retries a statement that found the database locked by another
/// writer only every 150 ms, so concurrent writers stall for 150 ms at a time; with it SQLite waits
/// for the lock itself, in steps of a few milliseconds.
/// </summary>
internal sealed class SqliteBusyTimeout(int milliseconds) : DbConnectionInterceptor
{
    private readonly string _pragma = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA busy_timeout={milliseconds};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
