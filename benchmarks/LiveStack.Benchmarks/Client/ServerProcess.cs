using System.Diagnostics;
using System.Text.Json;
using LiveStack.Benchmarks.Servers;

namespace LiveStack.Benchmarks.Client;

/// <summary>
/// One server under test, spawned as this same executable in server mode. Its standard input stays
/// open while it should run; its output is passed through, prefixed, to the client's stderr.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    // Collecting a heap of 19,000 sessions takes a while on two busy cores.
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(2) };

    private readonly Process _process;
    private readonly List<Task> _pumps = [];

    private ServerProcess(ServerKind kind, Process process, int port)
    {
        Kind = kind;
        _process = process;
        Port = port;
        Endpoint = new ServerEndpoint(port, Wire.For(kind).Path, Wire.For(kind).Subprotocol);
    }

    public ServerKind Kind { get; }

    public int Port { get; }

    public ServerEndpoint Endpoint { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Whether a load has already run long enough for the JIT to settle.</summary>
    public bool IsWarm { get; set; }

    public static async Task<ServerProcess> StartAsync(ServerKind kind, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own path is unknown."),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Started as "dotnet LiveStack.Benchmarks.dll" the host is dotnet, and the assembly comes first.
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        }

        foreach (var argument in new[] { "server", "--kind", kind.ToArg(), "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server process.");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            var port = await ReadPortAsync(process, kind, timeout.Token).ConfigureAwait(false);
            var server = new ServerProcess(kind, process, port);
            server._pumps.Add(Pump(process.StandardOutput, kind));
            server._pumps.Add(Pump(process.StandardError, kind));
            return server;
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>Reads the server's counters; with <paramref name="collectGarbage"/> it runs a full GC first, so heap and RSS hold only live data.</summary>
    public async Task<ServerSnapshot> SnapshotAsync(bool collectGarbage, CancellationToken cancellationToken)
    {
        var url = new Uri($"http://127.0.0.1:{Port}/stats{(collectGarbage ? "?gc" : string.Empty)}");
        var json = await Http.GetStringAsync(url, cancellationToken).ConfigureAwait(false);
        using var stats = JsonDocument.Parse(json);
        return new ServerSnapshot(
            ProcStats.CpuSeconds(_process.Id),
            stats.RootElement.GetProperty("alloc").GetInt64(),
            stats.RootElement.GetProperty("heap").GetInt64(),
            ProcStats.RssBytes(_process.Id));
    }

    /// <summary>Stops the server: closing its input asks it to shut down; it is killed if it does not.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        _process.StandardInput.Close();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the server at once, closing all its sockets from its side.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await Task.WhenAll(_pumps).ConfigureAwait(false);
        _process.Dispose();
    }

    private static async Task<int> ReadPortAsync(Process process, ServerKind kind, CancellationToken cancellationToken)
    {
        while (await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith(ServerMode.ReadyPrefix, StringComparison.Ordinal))
            {
                return int.Parse(line.AsSpan(ServerMode.ReadyPrefix.Length), System.Globalization.CultureInfo.InvariantCulture);
            }

            await Console.Error.WriteLineAsync($"[{kind.ToArg()}] {line}").ConfigureAwait(false);
        }

        var error = await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        throw new InvalidOperationException($"The {kind.ToArg()} server exited before it was ready: {error}");
    }

    private static async Task Pump(StreamReader reader, ServerKind kind)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            await Console.Error.WriteLineAsync($"[{kind.ToArg()}] {line}").ConfigureAwait(false);
        }
    }
}
