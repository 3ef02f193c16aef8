using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LiveStack.Interop.Tests.Client;

/// <summary>
/// A child process (a node script, the livestack CLI, a .NET app) whose output is read line by line
/// while it runs, so a test can wait for a line, signal it, and wait for its exit. Disposing kills
/// it (and its children) when it is still running, so a failing test leaves nothing behind.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    /// <summary>Generous for a node scenario (they finish in about a second); a hung one must not hang the run.</summary>
    public static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _stdout = [];
    private readonly StringBuilder _transcript = new();
    private TaskCompletionSource _changed = NewSignal();
    private int _openStreams = 2;

    private ChildProcess(Process process, string command)
    {
        _process = process;
        Command = command;
    }

    /// <summary>The command line, for messages.</summary>
    public string Command { get; }

    /// <summary>The exit code once the process has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process printed so far: stdout as is, stderr lines marked.</summary>
    public string Transcript
    {
        get
        {
            lock (_gate)
            {
                return _transcript.ToString().TrimEnd();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="fileName"/>. The child gets this process's environment without any
    /// <c>LIVESTACK_*</c> variable (a developer's must not leak into the run), plus <paramref name="environment"/>.
    /// </summary>
    public static ChildProcess Start(string fileName, IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? string.Empty,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("LIVESTACK_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process, $"{fileName} {string.Join(' ', start.ArgumentList)}");
        process.OutputDataReceived += (_, e) => child.Receive(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => child.Receive(e.Data, error: true);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start {fileName}: is it on PATH? (The interop tests need Node.js 20+ and the dotnet host.)", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs an interop script (a path under tests/interop) with <c>node</c> from tests/interop.</summary>
    public static ChildProcess StartNode(string script, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        Start("node", [script, .. args], Repository.InteropDirectory, environment);

    /// <summary>Waits for a stdout line (printed before or after the call) that <paramref name="match"/> accepts, and returns it.</summary>
    /// <exception cref="TimeoutException">No such line within <paramref name="timeout"/>.</exception>
    /// <exception cref="InvalidOperationException">The process closed its output without printing one.</exception>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var seen = 0;
        while (true)
        {
            Task changed;
            bool closed;
            lock (_gate)
            {
                for (; seen < _stdout.Count; seen++)
                {
                    if (match(_stdout[seen]))
                    {
                        return _stdout[seen];
                    }
                }

                closed = _openStreams == 0;
                changed = _changed.Task;
            }

            if (closed)
            {
                throw new InvalidOperationException($"`{Command}` ended without printing {what}:\n{Transcript}");
            }

            var left = timeout - deadline.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"`{Command}` did not print {what} within {timeout.TotalSeconds:0} s:\n{Transcript}");
            }

            await Task.WhenAny(changed, Task.Delay(left));
        }
    }

    /// <summary>Waits for a stdout line that starts with <paramref name="prefix"/> (e.g. a script's <c>ok - …</c> check).</summary>
    public Task<string> WaitForLineAsync(string prefix, TimeSpan? timeout = null) =>
        WaitForLineAsync(line => line.StartsWith(prefix, StringComparison.Ordinal), $"a line starting with '{prefix}'", timeout ?? TimeSpan.FromSeconds(20));

    /// <summary>Waits for the process to exit and its output to be read; false when it still runs after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            // With asynchronous reads this also waits for the end of the output.
            await _process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits for an interop script to exit (it has its own deadline) and fails the test with its output unless it passed.</summary>
    public async Task AssertPassesAsync(ITestOutputHelper output)
    {
        var exited = await WaitForExitAsync(ScriptTimeout);
        var outcome = exited ? $"exited with {ExitCode}" : $"was still running after {ScriptTimeout.TotalSeconds:0} s";
        var report = $"{Command} {outcome}\n{Transcript}";
        output.WriteLine(report);
        Assert.True(exited && ExitCode == 0, report);
    }

    /// <summary>Sends SIGTERM, as a service manager or <c>docker stop</c> does (<see cref="Process.Kill()"/> would be SIGKILL).</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Kills the process and its children if it still runs.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _process.Dispose();
    }

    private void Receive(string? line, bool error)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (line is null)
            {
                _openStreams--;
            }
            else
            {
                _transcript.Append(error ? "stderr| " : string.Empty).AppendLine(line);
                if (!error)
                {
                    _stdout.Add(line);
                }
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
