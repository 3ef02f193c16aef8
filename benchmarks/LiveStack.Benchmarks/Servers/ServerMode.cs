using System.Net;
using LiveStack.Benchmarks.Servers.LiveStack;
using LiveStack.Benchmarks.Servers.RawRelay;
using LiveStack.Benchmarks.Servers.SignalR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveStack.Benchmarks.Servers;

/// <summary>
/// <c>server --kind livestack|raw|signalr --port N</c>: one server under test on 127.0.0.1, plus
/// <c>GET /stats</c>. It prints one line <c>listening on port N</c> when ready and stops when its
/// standard input closes, so it never outlives the load client that spawned it.
/// </summary>
internal static class ServerMode
{
    public const string ReadyPrefix = "listening on port ";

    public static async Task<int> RunAsync(string[] args)
    {
        ServerKind kind;
        int port;
        try
        {
            (kind, port) = Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            await Console.Error.WriteLineAsync("Usage: LiveStack.Benchmarks server --kind livestack|raw|signalr --port N").ConfigureAwait(false);
            return 2;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // Only trouble is worth printing: per-session logs would cost CPU that the report charges to the server.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A caller dropped at the end of a case cancels its pending hub call, which SignalR logs as an
        // error; a call that really fails still reaches the client as an error completion and fails the run.
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.None);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        switch (kind)
        {
            case ServerKind.LiveStack:
                LiveStackServer.Configure(builder.Services);
                break;
            case ServerKind.Raw:
                RawRelayServer.Configure(builder.Services);
                break;
            default:
                SignalRServer.Configure(builder.Services);
                break;
        }

        await using var app = builder.Build();
        StatsEndpoint.Map(app);
        switch (kind)
        {
            case ServerKind.LiveStack:
                LiveStackServer.Map(app);
                break;
            case ServerKind.Raw:
                RawRelayServer.Map(app);
                break;
            default:
                SignalRServer.Map(app);
                break;
        }

        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Console.WriteLine(ReadyPrefix + new Uri(address).Port);
        StopWhenParentLeaves(app.Lifetime);
        await app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    private static (ServerKind Kind, int Port) Parse(string[] args)
    {
        ServerKind? kind = null;
        var port = 0;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--kind":
                    kind = ServerKinds.Parse(value);
                    break;
                case "--port":
                    port = int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 65535
                        ? p
                        : throw new ArgumentException($"--port must be a port number, not '{value}'.");
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{name}'.");
            }
        }

        return (kind ?? throw new ArgumentException("--kind is required."), port);
    }

    private static void StopWhenParentLeaves(IHostApplicationLifetime lifetime)
    {
        // A blocking read on a dedicated thread: EOF means the parent closed the pipe or died.
        var watcher = new Thread(() =>
        {
            while (Console.In.ReadLine() is not null)
            {
            }

            lifetime.StopApplication();
        })
        {
            IsBackground = true,
            Name = "parent watcher",
        };
        watcher.Start();
    }
}
