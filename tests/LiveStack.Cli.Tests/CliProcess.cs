using System.Diagnostics;
using System.Reflection;

namespace LiveStack.Cli.Tests;

/// <summary>Runs the built <c>livestack</c> command as a real child process.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;

    private CliProcess(Process process) => _process = process;

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LiveStack.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("LiveStack.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The configuration these tests were built in (the CLI is built in the same one).</summary>
    public static string Configuration =>
        typeof(CliProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string CliDll => Path.Combine(RepositoryRoot, "src", "LiveStack.Cli", "bin", Configuration, "net10.0", "livestack.dll");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static CliProcess Start(string fileName, params string[] args) => Start(fileName, new Dictionary<string, string>(), args);

    public static CliProcess StartCli(params string[] args) => Start("dotnet", [CliDll, .. args]);

    /// <summary>Starts the CLI with extra environment variables (on top of this process's).</summary>
    public static CliProcess StartCli(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Start("dotnet", environment, [CliDll, .. args]);

    private static CliProcess Start(string fileName, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return new CliProcess(Process.Start(info)!);
    }

    /// <summary>Reads stdout lines until one contains <paramref name="text"/>.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (await _process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"The process ended without printing '{text}'. stderr: {await _process.StandardError.ReadToEndAsync(cts.Token)}");
    }

    public async Task<(string Stdout, string Stderr)> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var stdout = _process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = _process.StandardError.ReadToEndAsync(cts.Token);
        await _process.WaitForExitAsync(cts.Token);
        return (await stdout, await stderr);
    }

    /// <summary>Sends SIGTERM, as a service manager or Ctrl-C does.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
