using LiveStack.Router.Sessions;

namespace LiveStack.Router.Routing;

/// <summary>
/// A topic pattern and the sessions subscribed to it. All subscribers share the id, so one
/// serialized EVENT serves them all.
/// </summary>
internal sealed class Subscription(long id, string uri, MatchPolicy match, DateTimeOffset created)
{
    public long Id { get; } = id;

    public string Uri { get; } = uri;

    public MatchPolicy Match { get; } = match;

    public DateTimeOffset Created { get; } = created;

    public string[] WildcardComponents { get; } = match == MatchPolicy.Wildcard ? uri.Split('.') : [];

    /// <summary>Copy-on-write, so a fan-out may walk it while the realm changes it.</summary>
    public RouterSession[] Subscribers { get; set; } = [];

    public bool Matches(string topic) => Match switch
    {
        MatchPolicy.Exact => string.Equals(Uri, topic, StringComparison.Ordinal),
        MatchPolicy.Prefix => topic.StartsWith(Uri, StringComparison.Ordinal),
        _ => MatchPolicies.WildcardMatches(WildcardComponents, topic),
    };

    public Dictionary<string, object?> Describe() => new(StringComparer.Ordinal)
    {
        ["id"] = Id,
        ["created"] = Created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
        ["uri"] = Uri,
        ["match"] = Match.ToWire(),
    };
}
