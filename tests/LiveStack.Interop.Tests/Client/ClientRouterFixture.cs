using LiveStack.Client;
using LiveStack.Client.Transports;
using LiveStack.Testing;
using Microsoft.Extensions.Logging;

namespace LiveStack.Interop.Tests.Client;

/// <summary>
/// One real router per test class for the .NET client interop tests: its URL for the .NET side,
/// the arguments for the autobahn side, and a fresh URI prefix per test so tests never share procedures.
/// </summary>
public sealed class ClientRouterFixture : IAsyncLifetime
{
    /// <summary>How long the .NET side waits for joining, readiness and single events.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private RouterHost? _host;

    /// <summary>The router's WebSocket URL.</summary>
    public string Url => (_host ?? throw new InvalidOperationException("The router has not started.")).WebSocketUrl.ToString();

    public async Task InitializeAsync() => _host = await RouterHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A URI prefix nobody else uses, e.g. <c>com.livestack.interop.dotnet.callee.3f2a…</c>.</summary>
    public static string NewBase(string scenario) =>
        $"com.livestack.interop.dotnet.{scenario}.{Guid.NewGuid().ToString("N")[..12]}";

    /// <summary>Arguments for a scenario over WebSocket with the given serializer.</summary>
    public string[] WebSocket(string serializer) => ["--transport", "websocket", "--url", Url, "--serializer", serializer];

    /// <summary>Runs a script from tests/interop/dotnet-client with <paramref name="uriBase"/> as its LIVESTACK_DOTNET_BASE.</summary>
    internal ChildProcess StartScript(string script, string serializer, string uriBase) =>
        ChildProcess.StartNode($"dotnet-client/{script}", WebSocket(serializer), new Dictionary<string, string> { ["LIVESTACK_DOTNET_BASE"] = uriBase });

    /// <summary>Joins realm1 with a plain <see cref="WampSession"/>.</summary>
    public async Task<WampSession> ConnectAsync(string serializer)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await WampSession.ConnectAsync(WampConnectors.FromUrl(Url, serializer), new WampSessionOptions(), timeout.Token);
    }

    /// <summary>A <see cref="LiveApp"/> for this router, built the way an application builds one (from command-line arguments), without console logging.</summary>
    public LiveApp CreateApp(string serializer)
    {
        var builder = LiveApp.CreateBuilder(["--url", Url, "--serializer", serializer]);
        builder.Logging.ClearProviders();
        return builder.Build();
    }
}
