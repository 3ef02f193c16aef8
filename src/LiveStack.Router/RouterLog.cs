using Microsoft.Extensions.Logging;

namespace LiveStack.Router;

/// <summary>The routing engine's log messages. Event ids are stable; never reuse one.</summary>
internal static partial class RouterLog
{
    [LoggerMessage(1, LogLevel.Debug, "Session {SessionId} joined realm {Realm} as {AuthId} over {Transport}/{Serializer}.", EventName = "SessionJoined")]
    public static partial void SessionJoined(ILogger logger, long sessionId, string realm, string? authId, string transport, string serializer);

    [LoggerMessage(2, LogLevel.Debug, "Session {SessionId} left.", EventName = "SessionLeft")]
    public static partial void SessionLeft(ILogger logger, long sessionId);

    [LoggerMessage(3, LogLevel.Information, "Session {SessionId} aborted: {Reason} {Detail}", EventName = "SessionAborted")]
    public static partial void SessionAborted(ILogger logger, long sessionId, string reason, string detail);

    [LoggerMessage(4, LogLevel.Warning, "Session {SessionId} is not reading fast enough; {Dropped} events dropped so far.", EventName = "EventsDropped")]
    public static partial void EventsDropped(ILogger logger, long sessionId, long dropped);

    [LoggerMessage(5, LogLevel.Warning, "Session {SessionId} was disconnected: its outbound queue of {Capacity} messages is full.", EventName = "SlowConsumerDisconnected")]
    public static partial void SlowConsumerDisconnected(ILogger logger, long sessionId, int capacity);

    [LoggerMessage(6, LogLevel.Error, "Session {SessionId}: unexpected fault while routing a message.", EventName = "SessionFault")]
    public static partial void SessionFault(ILogger logger, long sessionId, Exception exception);

    [LoggerMessage(7, LogLevel.Information, "Realm {Realm} created.", EventName = "RealmCreated")]
    public static partial void RealmCreated(ILogger logger, string realm);

    [LoggerMessage(8, LogLevel.Information, "Router shutting down; closing {Count} sessions.", EventName = "ShuttingDown")]
    public static partial void ShuttingDown(ILogger logger, int count);

    [LoggerMessage(9, LogLevel.Warning, "Realm {Realm} has no roles configured: it is open, and anonymous sessions may do anything. Configure roles before exposing it.", EventName = "OpenRealm")]
    public static partial void OpenRealm(ILogger logger, string realm);

    [LoggerMessage(10, LogLevel.Warning, "Authentication failed for {AuthId} from {Peer} in realm {Realm} ({Method}).", EventName = "AuthenticationFailed")]
    public static partial void AuthenticationFailed(ILogger logger, string? authId, string? peer, string realm, string? method);

    [LoggerMessage(11, LogLevel.Error, "An authenticator or authorizer failed in realm {Realm}.", EventName = "SecurityFault")]
    public static partial void SecurityFault(ILogger logger, string realm, Exception exception);
}
