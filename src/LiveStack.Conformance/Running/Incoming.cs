using LiveStack.Conformance.Scripts;

namespace LiveStack.Conformance.Running;

/// <summary>What a session's connection delivered: a decoded frame, bytes that are no valid WAMP message, or the end of the connection.</summary>
internal sealed record Incoming
{
    private Incoming(IReadOnlyList<object?>? frame, string text, bool closed)
    {
        Frame = frame;
        Text = text;
        IsClosed = closed;
    }

    /// <summary>The frame as a value tree; null for malformed input and for the close.</summary>
    public IReadOnlyList<object?>? Frame { get; }

    /// <summary>How reports show it.</summary>
    public string Text { get; }

    public bool IsClosed { get; }

    public static Incoming Message(IReadOnlyList<object?> frame) => new(frame, JsonTree.Render(frame), closed: false);

    public static Incoming Malformed(string raw, string error) => new(null, $"an invalid WAMP message ({error}): {raw}", closed: false);

    public static Incoming Closed(string how) => new(null, $"the connection closing ({how})", closed: true);
}
