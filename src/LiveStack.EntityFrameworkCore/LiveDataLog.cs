using Microsoft.Extensions.Logging;

namespace LiveStack.EntityFrameworkCore;

internal static partial class LiveDataLog
{
    [LoggerMessage(301, LogLevel.Error, "Publishing committed changes failed; the changes are saved but some subscribers may have missed them", EventName = "FeedItemFailed")]
    public static partial void FeedItemFailed(ILogger logger, Exception exception);

    [LoggerMessage(302, LogLevel.Information, "Live data exposes {Entity} as {Name} ({Procedures})", EventName = "EntityExposed")]
    public static partial void EntityExposed(ILogger logger, string entity, string name, string procedures);

    [LoggerMessage(303, LogLevel.Debug, "Commands outside SaveChanges wrote {Entities}; refreshing their live queries", EventName = "BypassRefresh")]
    public static partial void BypassRefresh(ILogger logger, string entities);

    [LoggerMessage(304, LogLevel.Error, "The live-data procedure {Procedure} failed", EventName = "ProcedureFailed")]
    public static partial void ProcedureFailed(ILogger logger, string procedure, Exception exception);
}
