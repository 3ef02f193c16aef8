using LiveStack.AspNetCore;
using LiveStack.Cli.Config;
using LiveStack.Router;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveStack.Cli;

/// <summary><c>livestack serve</c>: a standalone router, like <c>crossbar start</c>.</summary>
internal static class ServeCommand
{
    /// <summary>The exit code of a configuration the router cannot start with (as for bad arguments).</summary>
    public const int InvalidConfiguration = 2;

    public static async Task<int> RunAsync(ServeOptions options, string[] hostArgs)
    {
        var builder = WebApplication.CreateSlimBuilder(hostArgs);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // Messages about configured values name the file they (or the environment variables above it) came from.
        var prefix = options.ConfigFile is { } file ? file + ": " : string.Empty;
        if (options.ConfigFile is { } path && !UseConfigFile(builder.Configuration, path, options, prefix))
        {
            return InvalidConfiguration;
        }

        var issues = new ConfigIssues();
        CheckBinding(builder.Configuration, issues);
        var listener = ServeListener.Resolve(options, builder.Configuration, issues);
        ConfigReport.Write(Console.Error, prefix, issues.All);
        if (issues.HasErrors)
        {
            return InvalidConfiguration;
        }

        builder.Services.AddLiveStack(o =>
        {
            if (options.ConfigFile is null || options.Realm is not null)
            {
                o.Realms.Clear();
                o.Realms.Add(RealmOptions.Open(options.Realm ?? ServeOptions.DefaultRealm));
            }

            if (options.RawSocketPort is { } rawSocketPort)
            {
                o.RawSocket.Port = rawSocketPort;
            }

            // --host moves both listeners; without it, RawSocket follows the HTTP host unless configured apart.
            if (options.Host is not null || builder.Configuration["LiveStack:RawSocket:Host"] is null)
            {
                o.RawSocket.Host = listener.Host;
            }
        });

        // Kestrel ignores --urls once any endpoint is set in code (RawSocket is), so HTTP is set here too.
        builder.WebHost.ConfigureKestrel(k => k.Listen(listener.Address, listener.Port));

        if (await BuildAsync(builder, prefix).ConfigureAwait(false) is not { } built)
        {
            return InvalidConfiguration;
        }

        await using var app = built;
        var liveStack = app.Services.GetRequiredService<IOptions<LiveStackOptions>>().Value;
        app.MapLiveStack(listener.Path);

        await app.StartAsync().ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var rawSuffix = liveStack.RawSocket.Port is { } rawSocketPort ? $":{rawSocketPort}" : null;
        var http = addresses.First(a => rawSuffix is null || !a.EndsWith(rawSuffix, StringComparison.Ordinal));
        var raw = liveStack.RawSocket.Port is { } rawPort ? $"; rawsocket tcp://{liveStack.RawSocket.Host}:{rawPort}" : string.Empty;
        // One plain line on stdout, so scripts and tests can wait for it and read the address.
        Console.WriteLine($"LiveStack router listening on {http.Replace("http", "ws", StringComparison.Ordinal)}{listener.Path} ({Realms(liveStack)}{raw})");

        await app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// Loads the file and layers it into the configuration: it takes the place of appsettings.json
    /// (a stray one in the working directory must not add realms to it), and environment variables
    /// go above it, so <c>LiveStack__…</c> overrides the file. False when the router must not start.
    /// </summary>
    private static bool UseConfigFile(ConfigurationManager configuration, string path, ServeOptions options, string prefix)
    {
        var config = ServeConfigFile.Load(path, Environment.GetEnvironmentVariable);
        ConfigReport.Write(Console.Error, prefix, config.Issues);
        if (config.HasErrors)
        {
            return false;
        }

        foreach (var appSettings in configuration.Sources.OfType<JsonConfigurationSource>().ToList())
        {
            configuration.Sources.Remove(appSettings);
        }

        configuration.AddInMemoryCollection(config.Settings);
        configuration.AddEnvironmentVariables();
        if (options.Realm is not null && configuration.GetSection("LiveStack:Realms").GetChildren().Any())
        {
            Console.Error.WriteLine($"{prefix}defines realms, so --realm cannot be used: it would replace them with an open realm.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Binds the options apart from the host, so that a value of the wrong type is reported as such
    /// (the binder's message names the key) rather than as a crash while the host is built.
    /// </summary>
    private static void CheckBinding(IConfiguration configuration, ConfigIssues issues)
    {
        try
        {
            configuration.GetSection(LiveStackOptions.SectionName).Get<LiveStackOptions>();
        }
        catch (InvalidOperationException e)
        {
            issues.Error(string.Empty, e.Message);
        }
    }

    /// <summary>Builds the app, which validates the options (Kestrel reads them); a failure is reported, not thrown.</summary>
    private static async Task<WebApplication?> BuildAsync(WebApplicationBuilder builder, string prefix)
    {
        WebApplication? app = null;
        try
        {
            app = builder.Build();
            _ = app.Services.GetRequiredService<IOptions<LiveStackOptions>>().Value;
            return app;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await Console.Error.WriteLineAsync(prefix + failure).ConfigureAwait(false);
            }

            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            return null;
        }
    }

    private static string Realms(LiveStackOptions options) => options.Realms.Count switch
    {
        0 => "realm " + ServeOptions.DefaultRealm,
        1 => "realm " + options.Realms[0].Name,
        _ => "realms " + string.Join(", ", options.Realms.Select(r => r.Name)),
    };
}
