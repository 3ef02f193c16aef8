namespace LiveStack.Router.Meta;

/// <summary>A meta procedure failed with a WAMP error URI.</summary>
internal sealed class MetaCallException(string error, string message) : Exception(message)
{
    public string Error { get; } = error;
}
