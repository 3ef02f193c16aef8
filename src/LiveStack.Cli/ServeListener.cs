using System.Net;
using LiveStack.AspNetCore;
using LiveStack.Cli.Config;
using Microsoft.Extensions.Configuration;

namespace LiveStack.Cli;

/// <summary>The HTTP/WebSocket listener of <c>livestack serve</c>: each value from its flag, else the config (<c>LiveStack:Serve</c>), else the default.</summary>
internal sealed record ServeListener(string Host, int Port, string Path)
{
    public IPAddress Address => Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(Host);

    public static bool IsHost(string host) => host is "localhost" || IPAddress.TryParse(host, out _);

    public static ServeListener Resolve(ServeOptions flags, IConfiguration configuration, ConfigIssues issues)
    {
        var section = configuration.GetSection(ConfigurationPath.Combine(LiveStackOptions.SectionName, ServeListenerOptions.SectionName));
        ServeListenerOptions configured;
        try
        {
            configured = section.Get<ServeListenerOptions>() ?? new ServeListenerOptions();
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the key whose value has the wrong type.
            issues.Error(string.Empty, e.Message);
            configured = new ServeListenerOptions();
        }

        var listener = new ServeListener(
            flags.Host ?? configured.Host ?? ServeOptions.DefaultHost,
            flags.Port ?? configured.Port ?? ServeOptions.DefaultPort,
            flags.Path ?? configured.Path ?? ServeOptions.DefaultPath);
        if (!IsHost(listener.Host))
        {
            issues.Error(ConfigurationPath.Combine(section.Path, nameof(Host)), $"'{listener.Host}' must be an IP address or localhost.");
        }

        if (listener.Port is < 0 or > 65535)
        {
            issues.Error(ConfigurationPath.Combine(section.Path, nameof(Port)), $"{listener.Port} must be a TCP port (0-65535).");
        }

        if (!listener.Path.StartsWith('/'))
        {
            issues.Error(ConfigurationPath.Combine(section.Path, nameof(Path)), $"'{listener.Path}' must start with '/'.");
        }

        return listener;
    }
}
