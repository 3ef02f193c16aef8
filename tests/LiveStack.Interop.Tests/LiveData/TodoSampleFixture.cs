using System.Text.RegularExpressions;
using LiveStack.Client;
using LiveStack.Interop.Tests.Client;
using LiveStack.Wamp;

namespace LiveStack.Interop.Tests.LiveData;

/// <summary>
/// The already-built samples/Todo app, run as its own process per test class: on a port the OS
/// picks (<c>--urls http://127.0.0.1:0</c>, read back from Kestrel's "Now listening on" line), with a
/// fresh SQLite file in the temp folder, and samples/Todo as its working directory (its content root,
/// so its appsettings.json applies). Ready once <c>todo_item.list</c> answers.
/// </summary>
public sealed partial class TodoSampleFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"livestack-todo-{Guid.NewGuid():N}.db");
    private ChildProcess? _app;
    private string? _url;

    /// <summary>samples/Todo.</summary>
    public static string Directory => Path.Combine(Repository.Root, "samples", "Todo");

    /// <summary>The built app, in the configuration these tests were built in.</summary>
    public static string Dll
    {
        get
        {
            var path = Path.Combine(Directory, "bin", Repository.Configuration, "net10.0", "Todo.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build LiveStack.sln with -c {Repository.Configuration} first.");
        }
    }

    /// <summary>The app's WAMP endpoint, e.g. <c>ws://127.0.0.1:40123/ws</c>.</summary>
    public string Url => _url ?? throw new InvalidOperationException("The Todo app has not started.");

    /// <summary>Everything the app printed so far (its console log).</summary>
    public string Transcript => _app?.Transcript ?? string.Empty;

    public async Task InitializeAsync()
    {
        _app = ChildProcess.Start("dotnet", [Dll, "--urls", "http://127.0.0.1:0", $"--ConnectionStrings:Todo=Data Source={_database}"], Directory);
        var listening = await _app.WaitForLineAsync(l => l.Contains("Now listening on: http://", StringComparison.Ordinal), "Kestrel's listening line", StartTimeout);
        var address = ListeningAddress().Match(listening);
        Assert.True(address.Success, $"No address in '{listening}'");
        _url = $"ws://{address.Groups["host"].Value}/ws";
        await WaitForProceduresAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            // As a service manager stops it; Dispose kills it if that did not work.
            _app.Terminate();
            await _app.WaitForExitAsync(ExitTimeout);
            _app.Dispose();
        }

        foreach (var suffix in (string[])["", "-wal", "-shm"])
        {
            File.Delete(_database + suffix);
        }
    }

    /// <summary>The app's log lines at error level (the console logger's <c>fail:</c> prefix).</summary>
    public IReadOnlyList<string> Failures() =>
        [.. Transcript.Split('\n').Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal))];

    /// <summary>Polls <c>todo_item.list</c> until the app has registered it (no_such_procedure until then).</summary>
    private async Task WaitForProceduresAsync()
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        await using var session = await WampSession.ConnectAsync(Url, cancellationToken: deadline.Token);
        while (true)
        {
            try
            {
                await session.CallAsync("todo_item.list", argumentsKeywords: new Dictionary<string, object?> { ["take"] = 1L }, cancellationToken: deadline.Token);
                break;
            }
            catch (WampException e) when (e.Uri == WampErrors.NoSuchProcedure && !deadline.IsCancellationRequested)
            {
                await Task.Delay(100, deadline.Token);
            }
        }

        await session.LeaveAsync(cancellationToken: deadline.Token);
    }

    [GeneratedRegex(@"Now listening on: http://(?<host>[^\s/]+)")]
    private static partial Regex ListeningAddress();
}
