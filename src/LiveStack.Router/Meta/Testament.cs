namespace LiveStack.Router.Meta;

/// <summary>An event a session asked the router to publish when it goes away (testament meta API).</summary>
internal sealed record Testament(
    string Topic,
    IReadOnlyList<object?>? Arguments,
    IReadOnlyDictionary<string, object?>? ArgumentsKeywords,
    IReadOnlyDictionary<string, object?> PublishOptions,
    string Scope);
