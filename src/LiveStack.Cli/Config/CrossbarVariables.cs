using System.Text.RegularExpressions;

namespace LiveStack.Cli.Config;

/// <summary>
/// The environment references Crossbar resolves in a node config: <c>"${VAR}"</c> for tickets and
/// WAMP-CRA secrets, <c>"$VAR"</c> for endpoint ports. Unlike Crossbar, which falls back to the
/// literal text, an unset variable is an error: the text would otherwise become the password.
/// </summary>
internal static partial class CrossbarVariables
{
    public static string? Secret(string value, string key, Func<string, string?> environment, ConfigIssues issues) =>
        Resolve(BracedReference().Match(value), value, key, environment, issues);

    public static string? Port(string value, string key, Func<string, string?> environment, ConfigIssues issues) =>
        Resolve(BareReference().Match(value), value, key, environment, issues);

    private static string? Resolve(Match reference, string value, string key, Func<string, string?> environment, ConfigIssues issues)
    {
        if (!reference.Success)
        {
            return value;
        }

        var name = reference.Groups[1].Value;
        var resolved = environment(name);
        if (resolved is null)
        {
            issues.Error(key, $"names environment variable {name}, which is not set.");
        }

        return resolved;
    }

    [GeneratedRegex(@"^\$\{(.+)\}$")]
    private static partial Regex BracedReference();

    [GeneratedRegex(@"^\$([A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex BareReference();
}
