using System.Text.RegularExpressions;

namespace LiveStack.Cli.Config;

/// <summary>Writes config issues to stderr, each prefixed with the file it is about.</summary>
internal static partial class ConfigReport
{
    /// <summary>
    /// Writes errors one by one and warnings once per key pattern: a Crossbar file often repeats an
    /// ignored key (<c>cache</c>) in every permission, which would otherwise bury the errors.
    /// </summary>
    public static void Write(TextWriter writer, string prefix, IReadOnlyList<ConfigIssue> issues)
    {
        foreach (var warnings in issues.Where(i => !i.IsError).GroupBy(i => (Key: Index().Replace(i.Key, "[*]"), i.Message)))
        {
            var count = warnings.Count();
            var issue = count == 1 ? warnings.First() : new ConfigIssue(false, warnings.Key.Key, $"{warnings.Key.Message} ({count} places)");
            writer.WriteLine($"{prefix}warning: {issue}");
        }

        foreach (var error in issues.Where(i => i.IsError))
        {
            writer.WriteLine(prefix + error);
        }
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}
