using System.Text.Json;

namespace LiveStack.Cli.Config;

/// <summary>Loads the file of <c>livestack serve --config</c>: LiveStack's own format or a Crossbar.io node config.</summary>
internal static class ServeConfigFile
{
    private static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads and translates <paramref name="path"/>; <paramref name="environment"/> resolves the <c>${VAR}</c> references of a Crossbar file.</summary>
    public static ServeConfig Load(string path, Func<string, string?> environment)
    {
        var issues = new ConfigIssues();
        var settings = Read(path, environment, issues);
        return new ServeConfig(settings, issues.All);
    }

    private static IReadOnlyDictionary<string, string?> Read(string path, Func<string, string?> environment, ConfigIssues issues)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            issues.Error(string.Empty, "cannot be read: " + e.Message);
            return new Dictionary<string, string?>();
        }

        try
        {
            using var document = JsonDocument.Parse(text, JsonOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                issues.Error(string.Empty, "must hold a JSON object.");
                return new Dictionary<string, string?>();
            }

            return IsCrossbar(root)
                ? CrossbarConfigTranslator.Translate(root, environment, issues)
                : LiveStackConfigReader.Read(root, issues);
        }
        catch (JsonException e)
        {
            var yaml = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
            issues.Error(string.Empty, (yaml ? "is not JSON (YAML is not supported: convert the file to JSON): " : "is not valid JSON: ") + e.Message);
            return new Dictionary<string, string?>();
        }
    }

    // A Crossbar node config always has "version" (2) and "workers"; neither is a LiveStack setting.
    private static bool IsCrossbar(JsonElement root) =>
        root.TryGetProperty("version", out _) || root.TryGetProperty("workers", out _);
}
