using LiveStack.Router.Sessions;

namespace LiveStack.Router.Routing;

/// <summary>A procedure pattern and the callees registered for it under one invocation policy.</summary>
internal sealed class Registration(long id, string uri, MatchPolicy match, InvocationPolicy invoke, DateTimeOffset created)
{
    private int _nextRoundRobin;

    public long Id { get; } = id;

    public string Uri { get; } = uri;

    public MatchPolicy Match { get; } = match;

    public InvocationPolicy Invoke { get; } = invoke;

    public DateTimeOffset Created { get; } = created;

    public string[] Components { get; } = uri.Split('.');

    /// <summary>Callees in registration order.</summary>
    public List<Callee> Callees { get; } = [];

    public bool Matches(string procedure) => Match switch
    {
        MatchPolicy.Exact => string.Equals(Uri, procedure, StringComparison.Ordinal),
        MatchPolicy.Prefix => procedure.StartsWith(Uri, StringComparison.Ordinal),
        _ => MatchPolicies.WildcardMatches(Components, procedure),
    };

    public Callee PickCallee()
    {
        switch (Invoke)
        {
            case InvocationPolicy.RoundRobin:
                var index = _nextRoundRobin % Callees.Count;
                _nextRoundRobin = index + 1;
                return Callees[index];
            case InvocationPolicy.Random:
                return Callees[System.Random.Shared.Next(Callees.Count)];
            case InvocationPolicy.Last:
                return Callees[^1];
            default:
                return Callees[0];
        }
    }

    public void RemoveCallee(RouterSession session)
    {
        var index = Callees.FindIndex(c => c.Session == session);
        if (index < 0)
        {
            return;
        }

        Callees.RemoveAt(index);
        // Keep the turn with the callee that was next, so round-robin continues fairly after a leave.
        if (index < _nextRoundRobin)
        {
            _nextRoundRobin--;
        }
    }

    /// <summary>Orders wildcard registrations by specificity (see <see cref="MatchPolicies.CompareWildcardSpecificity"/>).</summary>
    public int CompareWildcardSpecificity(Registration other) => MatchPolicies.CompareWildcardSpecificity(Components, other.Components);

    public Dictionary<string, object?> Describe() => new(StringComparer.Ordinal)
    {
        ["id"] = Id,
        ["created"] = Created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
        ["uri"] = Uri,
        ["match"] = Match.ToWire(),
        ["invoke"] = Invoke.ToWire(),
    };
}

/// <summary>One callee of a registration, with its REGISTER options.</summary>
internal sealed record Callee(RouterSession Session, bool DiscloseCaller, bool ForwardTimeout);
