using System.Globalization;

namespace LiveStack.Benchmarks.Client;

/// <summary>Reads another process's CPU time and resident memory from /proc.</summary>
internal static class ProcStats
{
    // USER_HZ, the unit of utime and stime; 100 on every Linux the runtime supports.
    private const double ClockTicksPerSecond = 100;

    /// <summary>User plus system CPU time (<c>utime + stime</c> in /proc/pid/stat).</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name may hold spaces; the fields after it start at field 3 (state).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var utime = long.Parse(fields[14 - 3], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[15 - 3], CultureInfo.InvariantCulture);
        return (utime + stime) / ClockTicksPerSecond;
    }

    /// <summary><c>VmRSS</c> from /proc/pid/status, in bytes.</summary>
    public static long RssBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"No VmRSS for process {pid}.");
    }
}
