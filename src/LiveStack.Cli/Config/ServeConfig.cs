namespace LiveStack.Cli.Config;

/// <summary>
/// What a config file contributes to <c>livestack serve</c>: settings as configuration keys
/// (<c>LiveStack:Realms:0:Name</c> = <c>realm1</c>, …), layered under environment variables, and
/// the issues found in the file.
/// </summary>
internal sealed record ServeConfig(IReadOnlyDictionary<string, string?> Settings, IReadOnlyList<ConfigIssue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.IsError);
}
