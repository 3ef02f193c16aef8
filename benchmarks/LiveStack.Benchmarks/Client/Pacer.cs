using System.Diagnostics;

namespace LiveStack.Benchmarks.Client;

/// <summary>
/// Calls an action at a fixed rate on a dedicated thread. Task.Delay wakes only about every 4 ms on
/// these machines, so the thread sleeps natively for 1 ms and then catches up on every send that has
/// come due (about two at 2,000/s). Each frame carries its own send time, so batching does not skew latency.
/// </summary>
internal static class Pacer
{
    public static Task RunAsync(double perSecond, Action<long> send, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                var start = Stopwatch.GetTimestamp();
                long sent = 0;
                while (!cancellationToken.IsCancellationRequested)
                {
                    var due = (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * perSecond);
                    for (; sent < due && !cancellationToken.IsCancellationRequested; sent++)
                    {
                        send(sent);
                    }

                    Thread.Sleep(1);
                }

                done.TrySetResult();
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "pacer",
        };
        thread.Start();
        return done.Task;
    }
}
