namespace LiveStack.Cli.Config;

/// <summary>Something wrong with, or ignored in, a config file.</summary>
/// <param name="IsError">True when the router must not start; false for a warning.</param>
/// <param name="Key">The offending key: a configuration path (<c>LiveStack:Realms:0:Name</c>) or, in a Crossbar file, a JSON path (<c>workers[0].transports[1].endpoint.tls</c>).</param>
/// <param name="Message">What is wrong, as the rest of a sentence that starts with the key.</param>
internal sealed record ConfigIssue(bool IsError, string Key, string Message)
{
    public override string ToString() => Key.Length == 0 ? Message : $"{Key} {Message}";
}

/// <summary>Collects the issues found while reading one config file.</summary>
internal sealed class ConfigIssues
{
    private readonly List<ConfigIssue> _issues = [];

    public IReadOnlyList<ConfigIssue> All => _issues;

    public bool HasErrors => _issues.Exists(i => i.IsError);

    public void Error(string key, string message) => _issues.Add(new ConfigIssue(true, key, message));

    public void Warning(string key, string message) => _issues.Add(new ConfigIssue(false, key, message));
}
