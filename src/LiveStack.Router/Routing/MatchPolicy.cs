namespace LiveStack.Router.Routing;

/// <summary>How a subscription or registration URI matches topics and procedures.</summary>
internal enum MatchPolicy
{
    /// <summary>The URI itself.</summary>
    Exact,

    /// <summary>Any URI that starts with the pattern (a plain string prefix: <c>a.b</c> matches <c>a.bc</c>).</summary>
    Prefix,

    /// <summary>Empty components match any one component; component counts must be equal.</summary>
    Wildcard,
}

internal static class MatchPolicies
{
    /// <summary>Parses the <c>match</c> option; null when the value is unknown.</summary>
    public static MatchPolicy? Parse(string? value) => value switch
    {
        null or "exact" => MatchPolicy.Exact,
        "prefix" => MatchPolicy.Prefix,
        "wildcard" => MatchPolicy.Wildcard,
        _ => null,
    };

    public static string ToWire(this MatchPolicy policy) => policy switch
    {
        MatchPolicy.Prefix => "prefix",
        MatchPolicy.Wildcard => "wildcard",
        _ => "exact",
    };

    /// <summary>Whether <paramref name="uri"/> is a valid pattern for the policy.</summary>
    public static bool IsValidPattern(string uri, MatchPolicy policy, bool strict) => policy switch
    {
        MatchPolicy.Exact => Wamp.WampUri.IsValid(uri, strict),
        MatchPolicy.Prefix => uri.Length > 0 && Wamp.WampUri.IsValid(uri, strict, allowEmptyComponents: true),
        _ => Wamp.WampUri.IsValid(uri, strict, allowEmptyComponents: true),
    };

    /// <summary>
    /// Orders wildcard patterns (pre-split): at each component position a concrete component beats
    /// a wildcard, compared left to right; so the longest run of leading concrete components wins
    /// and ties go to the next run (spec: <c>a1.b2.c33..e5</c> beats <c>a1.b2..d4.e5</c>).
    /// </summary>
    public static int CompareWildcardSpecificity(string[] pattern, string[] other)
    {
        for (var i = 0; i < pattern.Length && i < other.Length; i++)
        {
            var mine = pattern[i].Length > 0;
            var theirs = other[i].Length > 0;
            if (mine != theirs)
            {
                return mine ? 1 : -1;
            }
        }

        return 0;
    }

    /// <summary>Whether a wildcard pattern (pre-split) matches a concrete URI.</summary>
    public static bool WildcardMatches(string[] patternComponents, string uri)
    {
        var index = 0;
        var start = 0;
        for (var i = 0; i <= uri.Length; i++)
        {
            if (i < uri.Length && uri[i] != '.')
            {
                continue;
            }

            if (index >= patternComponents.Length)
            {
                return false;
            }

            var expected = patternComponents[index];
            if (expected.Length > 0 && !uri.AsSpan(start, i - start).SequenceEqual(expected))
            {
                return false;
            }

            index++;
            start = i + 1;
        }

        return index == patternComponents.Length;
    }
}
