namespace LiveStack.EntityFrameworkCore;

/// <summary>Error URIs of the live-data procedures, besides <c>wamp.error.invalid_argument</c> and <c>wamp.error.not_authorized</c>.</summary>
public static class LiveDataErrors
{
    /// <summary>No entity has the given key (or the caller may not read it).</summary>
    public const string NotFound = "livestack.error.not_found";

    /// <summary>The entity changed since the caller read it (its concurrency token differs); kwargs <c>current</c> carries the entity as it is now.</summary>
    public const string Conflict = "livestack.error.conflict";
}
