namespace LiveStack.Client;

/// <summary>How a subscription's topic or a registration's procedure matches URIs.</summary>
public enum MatchPolicy
{
    /// <summary>The URI exactly.</summary>
    Exact,

    /// <summary>Every URI that starts with the given prefix.</summary>
    Prefix,

    /// <summary>URIs whose components equal the given ones, where an empty component matches any (<c>a..c</c>).</summary>
    Wildcard,
}
