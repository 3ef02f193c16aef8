using Microsoft.Extensions.Logging;

namespace LiveStack.AspNetCore;

/// <summary>Log messages of the transports. Event ids are stable; never reuse one.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(101, LogLevel.Debug, "WebSocket upgrade refused: none of the offered subprotocols [{Offered}] is supported.", EventName = "NoSubprotocol")]
    public static partial void NoSubprotocol(ILogger logger, string offered);

    [LoggerMessage(102, LogLevel.Warning, "WebSocket upgrade refused: origin {Origin} is not allowed.", EventName = "OriginRefused")]
    public static partial void OriginRefused(ILogger logger, string origin);

    [LoggerMessage(103, LogLevel.Debug, "Connection {Peer} closed: {Reason}", EventName = "ConnectionClosed")]
    public static partial void ConnectionClosed(ILogger logger, string peer, string reason);

    [LoggerMessage(104, LogLevel.Warning, "Session {SessionId}: could not encode a {MessageCode} message; it was skipped.", EventName = "EncodeFailed")]
    public static partial void EncodeFailed(ILogger logger, long sessionId, string messageCode, Exception exception);

    [LoggerMessage(105, LogLevel.Debug, "RawSocket handshake refused from {Peer}: error {Code}.", EventName = "RawSocketRefused")]
    public static partial void RawSocketRefused(ILogger logger, string peer, int code);

    [LoggerMessage(106, LogLevel.Information, "RawSocket listening on {Endpoint}.", EventName = "RawSocketListening")]
    public static partial void RawSocketListening(ILogger logger, string endpoint);

    [LoggerMessage(107, LogLevel.Debug, "Connection {Peer} failed.", EventName = "ConnectionFailed")]
    public static partial void ConnectionFailed(ILogger logger, string peer, Exception exception);

    [LoggerMessage(108, LogLevel.Warning, "Connection {Peer} refused: the session limit (in total or for its address) is reached.", EventName = "SessionLimitReached")]
    public static partial void SessionLimitReached(ILogger logger, string peer);

    [LoggerMessage(109, LogLevel.Warning, "The in-process session was not ready within {Timeout}; mapped procedures and topics are registered when it joins (check LiveStack:ServerSession:Realm).", EventName = "ServerSessionNotReady")]
    public static partial void ServerSessionNotReady(ILogger logger, TimeSpan timeout);
}
