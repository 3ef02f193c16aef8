using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace LiveStack.Interop.Tests;

/// <summary>
/// Runs one interop script from tests/interop under Node and asserts that it passed. The scripts
/// live in the source tree (not the build output) next to their pinned node_modules.
/// </summary>
internal static class NodeScript
{
    /// <summary>Generous per script (they finish in about a second); a hung client must not hang the run.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<string> InteropDirectory = new(FindInteropDirectory);

    /// <summary>Runs <c>node script args…</c> and fails the test, with the script's output, unless it exits with 0.</summary>
    public static async Task AssertPassesAsync(ITestOutputHelper output, string script, params string[] args)
    {
        var result = await RunAsync(script, args);
        output.WriteLine(result.Describe());
        Assert.True(result is { TimedOut: false, ExitCode: 0 }, result.Describe());
    }

    private static async Task<Result> RunAsync(string script, string[] args)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = InteropDirectory.Value,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // The scripts fall back to LIVESTACK_* variables; the tests pass everything as arguments, so a
        // developer's variables must not leak into the run.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("LIVESTACK_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = StartOrExplain(start);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var timedOut = false;
        using (var deadline = new CancellationTokenSource(Timeout))
        {
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        return new Result($"node {string.Join(' ', start.ArgumentList)}", process.ExitCode, timedOut, await stdout, await stderr);
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("The interop tests need Node.js 20+ on PATH (Debian: apt-get install nodejs npm).", e);
        }
    }

    /// <summary>tests/interop, found by walking up from the test binaries to the folder holding LiveStack.sln.</summary>
    private static string FindInteropDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LiveStack.sln")))
            {
                var interop = Path.Combine(dir.FullName, "tests", "interop");
                return Directory.Exists(Path.Combine(interop, "node_modules"))
                    ? interop
                    : throw new InvalidOperationException($"{interop}/node_modules is missing: run `npm ci` there (tests/run.sh does).");
            }
        }

        throw new InvalidOperationException($"No LiveStack.sln above {AppContext.BaseDirectory}.");
    }

    private sealed record Result(string Command, int ExitCode, bool TimedOut, string Stdout, string Stderr)
    {
        public string Describe()
        {
            var outcome = TimedOut ? $"was killed after {Timeout.TotalSeconds:0} s" : $"exited with {ExitCode}";
            var text = new StringBuilder($"{Command} {outcome}").AppendLine().Append(Stdout.TrimEnd());
            if (Stderr.Length > 0)
            {
                text.AppendLine().AppendLine("--- stderr ---").Append(Stderr.TrimEnd());
            }

            return text.ToString();
        }
    }
}
