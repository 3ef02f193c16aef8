using System.Text.Json;
using LiveStack.AspNetCore;
using LiveStack.Cli.Config;
using LiveStack.Router;
using Microsoft.Extensions.Configuration;

namespace LiveStack.Cli.Tests;

/// <summary>Turns config settings into the options the router would get, and writes config files to a temporary directory.</summary>
internal sealed class TestConfig : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("livestack-config-");

    /// <summary>The sample Crossbar node config shipped with the tests.</summary>
    public static string ShopCrossbarConfig => Path.Combine(AppContext.BaseDirectory, "Configs", "crossbar-shop.json");

    public string Write(string json, string name = "livestack.json")
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, json);
        return path;
    }

    public static (IReadOnlyDictionary<string, string?> Settings, IReadOnlyList<ConfigIssue> Issues) Translate(string crossbarJson, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var document = JsonDocument.Parse(crossbarJson);
        var issues = new ConfigIssues();
        var settings = CrossbarConfigTranslator.Translate(document.RootElement, name => environment?.GetValueOrDefault(name), issues);
        return (settings, issues.All);
    }

    /// <summary>Binds the settings as <c>AddLiveStack</c> does.</summary>
    public static LiveStackOptions Bind(IReadOnlyDictionary<string, string?> settings)
    {
        var options = new LiveStackOptions();
        Configuration(settings).GetSection(LiveStackOptions.SectionName).Bind(options);
        return options;
    }

    public static ServeListenerOptions Listener(IReadOnlyDictionary<string, string?> settings) =>
        Configuration(settings).GetSection("LiveStack:Serve").Get<ServeListenerOptions>() ?? new ServeListenerOptions();

    /// <summary>Runs the router's own realm validation, which the host runs at start.</summary>
    public static void ValidateRealms(LiveStackOptions options)
    {
        var router = new RouterOptions();
        foreach (var realm in options.Realms)
        {
            router.Realms.Add(realm);
        }

        router.Validate();
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static IConfigurationRoot Configuration(IReadOnlyDictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
