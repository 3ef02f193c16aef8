namespace LiveStack.Cli.Config;

/// <summary>
/// The HTTP/WebSocket listener of <c>livestack serve</c>, read from <c>LiveStack:Serve</c> in a
/// config file. Only the command reads it (an app's <c>AddLiveStack</c> ignores the key), so the
/// same file can serve both. Command-line flags override each value.
/// </summary>
internal sealed class ServeListenerOptions
{
    /// <summary>The section, under the <c>LiveStack</c> section.</summary>
    public const string SectionName = "Serve";

    /// <summary>Address to listen on: an IP address or <c>localhost</c>.</summary>
    public string? Host { get; set; }

    /// <summary>HTTP/WebSocket port; 0 picks a free one.</summary>
    public int? Port { get; set; }

    /// <summary>WebSocket path, starting with <c>/</c>.</summary>
    public string? Path { get; set; }
}
