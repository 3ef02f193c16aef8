using LiveStack.Wamp.Messages;

namespace LiveStack.Router.Routing;

/// <summary>Builds ERROR replies to client requests.</summary>
internal static class Errors
{
    public static ErrorMessage Reply(PublishMessage request, string error, string? message = null) => Make(MessageCode.Publish, request.Request, error, message);

    public static ErrorMessage Reply(SubscribeMessage request, string error, string? message = null) => Make(MessageCode.Subscribe, request.Request, error, message);

    public static ErrorMessage Reply(UnsubscribeMessage request, string error, string? message = null) => Make(MessageCode.Unsubscribe, request.Request, error, message);

    public static ErrorMessage Reply(RegisterMessage request, string error, string? message = null) => Make(MessageCode.Register, request.Request, error, message);

    public static ErrorMessage Reply(UnregisterMessage request, string error, string? message = null) => Make(MessageCode.Unregister, request.Request, error, message);

    public static ErrorMessage Call(long request, string error, string? message = null) => Make(MessageCode.Call, request, error, message);

    /// <summary>An ERROR whose human-readable message travels as the first positional argument, as autobahn and Crossbar do.</summary>
    private static ErrorMessage Make(MessageCode type, long request, string error, string? message) =>
        new(type, request, Sessions.RouterSession.EmptyDetails, error, message is null ? null : [message]);
}
