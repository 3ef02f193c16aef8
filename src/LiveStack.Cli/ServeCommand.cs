using System.Net;
using LiveStack.Router;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveStack.Cli;

/// <summary><c>livestack serve</c>: a standalone router, like <c>crossbar start</c> with a default config.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(ServeOptions options, string[] hostArgs)
    {
        var builder = WebApplication.CreateSlimBuilder(hostArgs);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddLiveStack(o =>
        {
            o.Realms.Clear();
            o.Realms.Add(new RealmOptions { Name = options.Realm });
            o.RawSocket.Port = options.RawSocketPort;
            o.RawSocket.Host = options.Host;
        });

        // Kestrel ignores --urls once any endpoint is set in code (RawSocket is), so HTTP is set here too.
        var address = options.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(options.Host);
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, options.Port));

        await using var app = builder.Build();
        app.MapLiveStack(options.Path);
        await app.StartAsync().ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var rawSuffix = options.RawSocketPort is { } rawSocketPort ? $":{rawSocketPort}" : null;
        var http = addresses.First(a => rawSuffix is null || !a.EndsWith(rawSuffix, StringComparison.Ordinal));
        var raw = options.RawSocketPort is { } rawPort ? $"; rawsocket tcp://{options.Host}:{rawPort}" : string.Empty;
        // One plain line on stdout, so scripts and tests can wait for it and read the address.
        Console.WriteLine($"LiveStack router listening on {http.Replace("http", "ws", StringComparison.Ordinal)}{options.Path} (realm {options.Realm}{raw})");

        await app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }
}
