using System.Buffers;

namespace LiveStack.Wamp;

/// <summary>URI validation rules of the WAMP specification.</summary>
public static class WampUri
{
    /// <summary>The prefix reserved for the router and the protocol itself.</summary>
    public const string ReservedPrefix = "wamp.";

    private static readonly SearchValues<char> StrictChars =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyz_");

    /// <summary>
    /// Checks a URI. Loose rules (the MUST of the spec) forbid empty components and components
    /// containing <c>.</c>, <c>#</c> or whitespace; strict rules allow only <c>[0-9a-z_]</c>.
    /// With <paramref name="allowEmptyComponents"/> (pattern subscriptions and registrations)
    /// empty components are wildcards and the URI may end with a dot.
    /// </summary>
    public static bool IsValid(string? uri, bool strict = false, bool allowEmptyComponents = false)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return allowEmptyComponents && uri is not null;
        }

        var span = uri.AsSpan();
        var componentStart = 0;
        for (var i = 0; i <= span.Length; i++)
        {
            if (i < span.Length && span[i] != '.')
            {
                continue;
            }

            var component = span[componentStart..i];
            if (component.IsEmpty)
            {
                // A trailing empty component is only meaningful in a prefix pattern like "a.b." .
                if (!allowEmptyComponents)
                {
                    return false;
                }
            }
            else if (!IsValidComponent(component, strict))
            {
                return false;
            }

            componentStart = i + 1;
        }

        return true;
    }

    /// <summary>True when the URI is in the <c>wamp.</c> namespace reserved for the router.</summary>
    public static bool IsReserved(string uri) => uri.StartsWith(ReservedPrefix, StringComparison.Ordinal);

    private static bool IsValidComponent(ReadOnlySpan<char> component, bool strict)
    {
        if (strict)
        {
            return !component.ContainsAnyExcept(StrictChars);
        }

        foreach (var c in component)
        {
            if (c == '#' || char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }
}
