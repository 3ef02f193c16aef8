using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace LiveStack.EntityFrameworkCore;

/// <summary>
/// Notices writes that bypass the change tracker (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw
/// SQL) to exposed entities' tables and refreshes those entities' live queries after the write
/// commits. No per-row events can be derived from such writes; see docs/live-data.md.
/// </summary>
internal sealed partial class BypassCapture(LiveDataModel model, ChangeFeed feed, ILogger logger) : DbCommandInterceptor
{
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Noticed(command, eventData.Context);
        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await NoticedAsync(command, eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private void Noticed(DbCommand command, DbContext? context) =>
        NoticedAsync(command, context, CancellationToken.None).GetAwaiter().GetResult();

    private async Task NoticedAsync(DbCommand command, DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null)
        {
            return;
        }

        var state = model.State(context);
        if (state.InSaveChanges)
        {
            return;
        }

        var touched = Touched(command.CommandText, model.EnsureBuilt(context.Model));
        if (touched.Count == 0)
        {
            return;
        }

        LiveDataLog.BypassRefresh(logger, string.Join(", ", touched.Select(e => e.Name)));
        if (context.Database.CurrentTransaction is not null)
        {
            state.Bypassed.UnionWith(touched);
            return;
        }

        await feed.CommitOrder.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            state.Published = feed.EnqueueRefresh(touched);
        }
        finally
        {
            feed.CommitOrder.Release();
        }
    }

    // Only data changes count (not CREATE TABLE and the like). Table names appear quoted in EF's SQL
    // and usually in hand-written SQL; a false positive only costs a refresh.
    private static List<LiveEntity> Touched(string sql, IReadOnlyCollection<LiveEntity> entities) =>
        DataChange().IsMatch(sql)
            ? [.. entities.Where(e => e.EntityType.GetTableName() is { } table && sql.Contains(table, StringComparison.OrdinalIgnoreCase))]
            : [];

    [GeneratedRegex(@"^\s*(INSERT|UPDATE|DELETE|REPLACE|MERGE|WITH)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex DataChange();
}
