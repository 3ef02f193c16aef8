using LiveStack.Wamp.Messages;

namespace LiveStack.Client.Tests.Binding;

/// <summary>Builds invocations and events without a session.</summary>
internal static class Payloads
{
    public const string Procedure = "com.example.proc";
    public const string Topic = "com.example.topic";

    public static Dictionary<string, object?> Keywords(params (string Name, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    public static WampInvocation Invocation(
        IReadOnlyList<object?>? arguments = null,
        IReadOnlyDictionary<string, object?>? keywords = null,
        bool receiveProgress = false,
        Func<WampResult, CancellationToken, ValueTask>? progress = null)
    {
        var details = new Dictionary<string, object?>(StringComparer.Ordinal) { ["caller"] = 42L };
        if (receiveProgress)
        {
            details["receive_progress"] = true;
        }

        return new WampInvocation(progress, new InvocationMessage(7, 9, details, arguments, keywords), Procedure);
    }

    public static WampEvent Event(IReadOnlyList<object?>? arguments = null, IReadOnlyDictionary<string, object?>? keywords = null)
    {
        var details = new Dictionary<string, object?>(StringComparer.Ordinal) { ["publisher"] = 43L };
        return new WampEvent(new EventMessage(5, 11, details, arguments, keywords), Topic);
    }
}
