using LiveStack.Wamp.Messages;

namespace LiveStack.Client;

/// <summary>
/// A WAMP error: a call or request the router or a callee refused, or a session that ended under
/// it. Throw it from a handler to answer the caller with exactly this URI and payload.
/// </summary>
public class WampException : Exception
{
    /// <summary>Creates an error with a URI and an optional human-readable message (sent as <c>args[0]</c>).</summary>
    public WampException(string uri, string? message = null)
        : this(uri, message is null ? null : [message], null)
    {
    }

    /// <summary>Creates an error with a URI and a payload.</summary>
    public WampException(string uri, IReadOnlyList<object?>? arguments, IReadOnlyDictionary<string, object?>? argumentsKeywords, Exception? innerException = null)
        : base(Describe(uri, arguments), innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(uri);
        Uri = uri;
        Arguments = arguments ?? [];
        ArgumentsKeywords = argumentsKeywords ?? EmptyDictionary;
    }

    /// <summary>The error URI, e.g. <c>wamp.error.no_such_procedure</c> or an application's own.</summary>
    public string Uri { get; }

    /// <summary>The error's positional payload (converted values of the neutral tree).</summary>
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>The error's keyword payload.</summary>
    public IReadOnlyDictionary<string, object?> ArgumentsKeywords { get; }

    internal static IReadOnlyDictionary<string, object?> EmptyDictionary { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    internal static WampException FromError(ErrorMessage error) =>
        new(error.Error, error.Arguments, error.ArgumentsKeywords);

    private static string Describe(string uri, IReadOnlyList<object?>? arguments) =>
        arguments is [string text, ..] ? $"{uri}: {text}" : uri;
}
