namespace LiveStack.Router.Routing;

/// <summary>
/// Subscriptions or registrations indexed by their URI, one table per match policy: the broker
/// and the dealer look up exact URIs directly and scan only the prefix and wildcard patterns.
/// </summary>
internal sealed class PatternTables<T>
{
    public Dictionary<string, T> Exact { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, T> Prefix { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, T> Wildcard { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, T> For(MatchPolicy match) => match switch
    {
        MatchPolicy.Prefix => Prefix,
        MatchPolicy.Wildcard => Wildcard,
        _ => Exact,
    };
}
