using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveStack.Client;

/// <summary>
/// Builds a <see cref="LiveApp"/>: the .NET generic host (configuration from appsettings.json,
/// environment and command line; logging; DI) with a <see cref="LiveClient"/> in it.
/// </summary>
public sealed class LiveAppBuilder
{
    /// <summary>The configuration section the client options bind from.</summary>
    public const string ConfigurationSection = "LiveStack:Client";

    private static readonly Dictionary<string, string> Switches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--url"] = $"{ConfigurationSection}:Url",
        ["--realm"] = $"{ConfigurationSection}:Realm",
        ["--serializer"] = $"{ConfigurationSection}:Serializer",
        ["--authmethod"] = $"{ConfigurationSection}:AuthMethod",
        ["--authid"] = $"{ConfigurationSection}:AuthId",
        ["--secret"] = $"{ConfigurationSection}:Secret",
        ["--private-key"] = $"{ConfigurationSection}:PrivateKey",
    };

    private readonly HostApplicationBuilder _host;

    internal LiveAppBuilder(string[] args)
    {
        _host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
        // The short environment variables and switches of the docs, on top of the host's defaults.
        _host.Configuration.AddInMemoryCollection(ShortEnvironmentVariables());
        _host.Configuration.AddCommandLine(args, Switches);
        _host.Services.AddOptions<LiveClientOptions>()
            .BindConfiguration(ConfigurationSection)
            .PostConfigure<IConfiguration>((options, configuration) => AddUrls(options, configuration[$"{ConfigurationSection}:Url"]));
        _host.Services.AddSingleton(services => LiveClientFactory.Create(services, connectors: null));
        _host.Services.AddHostedService<LiveClientService>();
    }

    /// <summary>The services; add your own before <see cref="Build"/>.</summary>
    public IServiceCollection Services => _host.Services;

    /// <summary>The configuration (appsettings.json, environment, command line).</summary>
    public IConfigurationManager Configuration => _host.Configuration;

    /// <summary>The logging setup.</summary>
    public ILoggingBuilder Logging => _host.Logging;

    /// <summary>The host environment.</summary>
    public IHostEnvironment Environment => _host.Environment;

    /// <summary>Builds the app.</summary>
    public LiveApp Build() => new(_host.Build());

    private static Dictionary<string, string?> ShortEnvironmentVariables()
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (System.Environment.GetEnvironmentVariable("LIVESTACK_URL") is { Length: > 0 } url)
        {
            values[$"{ConfigurationSection}:Url"] = url;
        }

        if (System.Environment.GetEnvironmentVariable("LIVESTACK_REALM") is { Length: > 0 } realm)
        {
            values[$"{ConfigurationSection}:Realm"] = realm;
        }

        return values;
    }

    // A URL given as Url (a switch, LIVESTACK_URL, or the key itself; comma-separated for several)
    // replaces the Urls list of appsettings.json.
    private static void AddUrls(LiveClientOptions options, string? urls)
    {
        if (string.IsNullOrWhiteSpace(urls))
        {
            return;
        }

        options.Urls.Clear();
        foreach (var url in urls.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            options.Urls.Add(url);
        }
    }
}
