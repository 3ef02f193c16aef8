using System.Text.RegularExpressions;
using System.Threading.Channels;
using LiveStack.Client;
using LiveStack.Wamp;

namespace LiveStack.Interop.Tests.Client;

/// <summary>
/// The README's hello world, end to end: the already-built samples/HelloWorld app runs as its own
/// process against <c>livestack serve</c> (also its own process), autobahn-js calls and publishes to
/// it, and SIGTERM makes it leave the realm and exit 0.
/// </summary>
public sealed partial class HelloWorldTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task HelloWorldSampleServesAutobahnAgainstLivestackServe()
    {
        using var router = ChildProcess.Start("dotnet", [Repository.CliDll, "serve", "--port", "0"]);
        ChildProcess? child = null;
        try
        {
            var listening = await router.WaitForLineAsync(l => l.Contains("LiveStack router listening on", StringComparison.Ordinal), "the listening line", StartTimeout);
            var url = ListeningUrl().Match(listening).Value;

            // An observer session watches the app's session leave.
            await using var observer = await WampSession.ConnectAsync(url);
            var left = Channel.CreateUnbounded<long>();
            await observer.SubscribeAsync("wamp.session.on_leave", (e, _) =>
            {
                left.Writer.TryWrite(e.Argument<long>(0));
                return ValueTask.CompletedTask;
            });

            child = ChildProcess.Start("dotnet", [Repository.HelloWorldDll, "--url", url]);
            await WaitForProcedureAsync(observer, child);
            var appSession = await CalleeOfAsync(observer, "math.add");

            using (var script = ChildProcess.StartNode("dotnet-client/hello-world.js", ["--url", url, "--serializer", "json"]))
            {
                await script.AssertPassesAsync(output);
            }

            await child.WaitForLineAsync(line => line == "hi", "the chat message \"hi\"", ExitTimeout);

            child.Terminate();
            Assert.True(await child.WaitForExitAsync(ExitTimeout), $"HelloWorld still runs {ExitTimeout.TotalSeconds:0} s after SIGTERM:\n{child.Transcript}");
            Assert.True(child.ExitCode == 0, $"HelloWorld exited with {child.ExitCode}:\n{child.Transcript}");

            using var patience = new CancellationTokenSource(ExitTimeout);
            while (await left.Reader.ReadAsync(patience.Token) != appSession)
            {
                // Another session (e.g. the script's) left; keep waiting for the app's.
            }

            await observer.LeaveAsync();
        }
        finally
        {
            // Killed here, whatever happened, if SIGTERM did not end it.
            output.WriteLine($"--- {router.Command}\n{router.Transcript}");
            if (child is not null)
            {
                output.WriteLine($"--- {child.Command}\n{child.Transcript}");
                child.Dispose();
            }
        }
    }

    /// <summary>Polls math.add until the app has registered it (it fails with no_such_procedure until then).</summary>
    private static async Task WaitForProcedureAsync(WampSession session, ChildProcess app)
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            try
            {
                Assert.Equal(5, await session.CallAsync<int>("math.add", 2, 3));
                return;
            }
            catch (WampException e) when (e.Uri == WampErrors.NoSuchProcedure)
            {
                if (await app.WaitForExitAsync(TimeSpan.Zero))
                {
                    Assert.Fail($"HelloWorld exited with {app.ExitCode} before registering math.add:\n{app.Transcript}");
                }

                if (deadline.IsCancellationRequested)
                {
                    Assert.Fail($"HelloWorld did not register math.add within {StartTimeout.TotalSeconds:0} s:\n{app.Transcript}");
                }

                await Task.Delay(200, CancellationToken.None);
            }
        }
    }

    /// <summary>The session id of the one callee of <paramref name="procedure"/>, from the registration meta API.</summary>
    private static async Task<long> CalleeOfAsync(WampSession session, string procedure)
    {
        var registration = await session.CallAsync<long>("wamp.registration.lookup", procedure);
        var callees = await session.CallAsync<long[]>("wamp.registration.list_callees", registration);
        return Assert.Single(callees!);
    }

    [GeneratedRegex(@"ws://\S+")]
    private static partial Regex ListeningUrl();
}
