using Microsoft.Extensions.Logging;

namespace LiveStack.Client;

internal static partial class ClientLog
{
    [LoggerMessage(201, LogLevel.Information, "Joined realm {Realm} as session {SessionId} ({AuthId}/{AuthRole}) over {Connection}", EventName = "Joined")]
    public static partial void Joined(ILogger logger, string realm, long sessionId, string? authId, string? authRole, string connection);

    [LoggerMessage(202, LogLevel.Information, "Session {SessionId} ended: {Reason}", EventName = "SessionEnded")]
    public static partial void SessionEnded(ILogger logger, long sessionId, string reason);

    [LoggerMessage(203, LogLevel.Error, "The handler of procedure {Procedure} failed", EventName = "ProcedureHandlerFailed")]
    public static partial void ProcedureHandlerFailed(ILogger logger, string procedure, Exception exception);

    [LoggerMessage(204, LogLevel.Error, "The handler of topic {Topic} failed", EventName = "EventHandlerFailed")]
    public static partial void EventHandlerFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(205, LogLevel.Warning, "Session {SessionId} received a malformed message and aborts: {Reason}", EventName = "ProtocolViolation")]
    public static partial void ProtocolViolation(ILogger logger, long sessionId, string reason);

    [LoggerMessage(206, LogLevel.Debug, "Session {SessionId} ignored a {Code} for request {RequestId}, which is no longer pending", EventName = "LateReply")]
    public static partial void LateReply(ILogger logger, long sessionId, string code, long requestId);

    [LoggerMessage(207, LogLevel.Warning, "Could not connect to {Connector}: {Reason}; retrying in {Delay}", EventName = "ConnectFailed")]
    public static partial void ConnectFailed(ILogger logger, string connector, string reason, TimeSpan delay);

    [LoggerMessage(208, LogLevel.Warning, "Could not re-establish {Kind} {Uri} after reconnecting", EventName = "RestoreFailed")]
    public static partial void RestoreFailed(ILogger logger, string kind, string uri, Exception exception);

    [LoggerMessage(209, LogLevel.Error, "A lifecycle handler ({Hook}) failed", EventName = "HookFailed")]
    public static partial void HookFailed(ILogger logger, string hook, Exception exception);

    [LoggerMessage(210, LogLevel.Information, "Connection lost: {Reason}; reconnecting in {Delay}", EventName = "Reconnecting")]
    public static partial void Reconnecting(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(211, LogLevel.Error, "Gave up connecting to {Connector} after {Attempts} attempts", EventName = "GaveUp")]
    public static partial void GaveUp(ILogger logger, string connector, int attempts, Exception exception);
}
