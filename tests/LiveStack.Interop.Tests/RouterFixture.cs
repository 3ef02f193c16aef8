using LiveStack.Testing;

namespace LiveStack.Interop.Tests;

/// <summary>
/// One real router per test class, on its own free ports, so classes can run in parallel.
/// Builds the command-line arguments the interop scripts read.
/// </summary>
public sealed class RouterFixture : IAsyncLifetime
{
    private RouterHost? _host;

    private RouterHost Host => _host ?? throw new InvalidOperationException("The router has not started.");

    public async Task InitializeAsync() => _host = await RouterHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Arguments for a scenario over WebSocket with the given serializer.</summary>
    public string[] WebSocket(string serializer) =>
        ["--transport", "websocket", "--url", Host.WebSocketUrl.ToString(), "--serializer", serializer];

    /// <summary>Arguments for a scenario over RawSocket (autobahn-js speaks JSON only there).</summary>
    public string[] RawSocket() =>
        ["--transport", "rawsocket", "--rawsocket-port", Host.RawSocketPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--serializer", "json"];
}
