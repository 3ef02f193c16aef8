using LiveStack.Conformance.Running;
using LiveStack.Conformance.Scripts;
using LiveStack.Testing;
using LiveStack.Wamp.Serialization;

namespace LiveStack.Conformance.Tests;

/// <summary>
/// One LiveStack router for a test class. Its scripts run one after another against it, as the
/// command-line runner does against any router, so they also prove that each script leaves the
/// realm clean for the next.
/// </summary>
public sealed class RouterFixture : IAsyncLifetime
{
    private RouterHost? _host;

    /// <summary>Settings for running scripts against this router.</summary>
    public RunSettings Settings(WampSerializer serializer = WampSerializer.Json) => new()
    {
        RouterUrl = _host!.WebSocketUrl,
        Serializer = serializer,
    };

    /// <summary>Runs the named script and fails the test with the runner's report unless it passes.</summary>
    public async Task AssertPassesAsync(string name, WampSerializer serializer = WampSerializer.Json)
    {
        var result = await ScriptRunner.RunAsync(ScriptCatalog.Get(name), Settings(serializer));
        Assert.True(result.Outcome != ScriptOutcome.Failed, $"{name} failed:\n{result.Report()}");
    }

    /// <summary>Starts the router.</summary>
    public async Task InitializeAsync()
    {
        // RouterHost picks ports that were free a moment ago; with several fixtures starting at once
        // another one can bind the same port first, so a bind failure is retried on fresh ports.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _host = await RouterHost.StartAsync();
                return;
            }
            catch (IOException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Stops the router.</summary>
    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
