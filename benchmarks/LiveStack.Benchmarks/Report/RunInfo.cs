using LiveStack.Benchmarks.Scenarios;

namespace LiveStack.Benchmarks.Report;

/// <summary>How a run was made, for the report's header.</summary>
/// <param name="LoadBefore">The machine's 1-minute load average when the run started: other work skews absolute figures.</param>
/// <param name="LoadAfter">The same when it ended.</param>
internal sealed record RunInfo(Profile Profile, IReadOnlyList<ServerKind> Servers, IReadOnlyList<string> Args, TimeSpan Elapsed, string LoadBefore, string LoadAfter)
{
    /// <summary>The 1-minute load average from /proc/loadavg.</summary>
    public static string ReadLoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
