using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using LiveStack.Testing;
using LiveStack.Wamp.Messages;
using LiveStack.Wamp.Serialization;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>
/// Many hostile sessions at once against one real router (WebSocket and RawSocket, json, msgpack
/// and cbor), while well-behaved sessions exchange events and calls the whole time. Reproducible:
/// each attack is derived from the printed seed (set LIVESTACK_FUZZ_SEED to try another).
/// </summary>
[Collection(FuzzIsolation.Name)]
public sealed class RouterFuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20260615;
    private const int WarmUpAttacks = 800;
    private const int Attacks = 2400;
    private const int Concurrency = 24;

    /// <summary>
    /// Growth of the managed heap allowed between the warmed-up baseline and the end. Pools keep
    /// what the busiest moment needed: Kestrel's 4 KiB blocks (evicted only slowly once idle) and
    /// ArrayPool's big buffers account for 5 to 12 MiB here, depending on how many stalled and
    /// oversized sessions overlapped. Exact leak checks are the session count and the routing tables.
    /// </summary>
    private const long MemoryTolerance = 32 * 1024 * 1024;

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task HostileSessionsAreAbortedWhileWellBehavedSessionsLoseNothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("LIVESTACK_FUZZ_SEED"), CultureInfo.InvariantCulture, out var chosen) ? chosen : DefaultSeed;
        output.WriteLine($"Fuzz seed {seed}: {WarmUpAttacks} warm-up and {Attacks} attacks, {Concurrency} at a time.");
        var clock = Stopwatch.StartNew();
        var logs = new LogCapture(LogLevel.Warning);
        await using var host = await RouterHost.StartAsync(FuzzRouter.Configure, logs);
        var router = host.Router;

        // A first round fills the pools and caches and compiles every path, so the baseline is steady state.
        var results = await AttackAsync(host, seed ^ 0x5EED, WarmUpAttacks);
        await SettleAsync(() => router.SessionCount, 0, "sessions after the warm-up");
        var baseline = ManagedMemory();

        var good = await WellBehavedSessions.StartAsync(host);
        Assert.Equal(good.Wires.Count, router.SessionCount);
        using var attackOver = new CancellationTokenSource();
        var traffic = good.RunAsync(attackOver.Token);
        try
        {
            results.AddRange(await AttackAsync(host, seed, Attacks));
        }
        finally
        {
            await attackOver.CancelAsync();
        }

        await traffic;

        await SettleAsync(() => router.SessionCount, good.Wires.Count, "sessions once the attack is over (only the well-behaved ones)");
        Assert.Null(await good.FindLeftoversAsync());
        await good.LeaveAsync();
        await SettleAsync(() => router.SessionCount, 0, "sessions once the well-behaved ones left");

        await AssertStillServesAsync(host);
        await SettleAsync(() => router.SessionCount, 0, "sessions after the final check");
        var growth = ManagedMemory() - baseline;

        Report(results, good, baseline, growth, clock.Elapsed);
        Assert.True(growth < MemoryTolerance, $"The managed heap grew by {growth / 1024} KiB over the fuzz (tolerance {MemoryTolerance / 1024} KiB).");
        var errors = logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, "The router logged errors: " + string.Join(Environment.NewLine, errors.Take(5).Select(e => $"{e.Category} {e.EventId}: {e.Message} {e.Exception}")));
        var failedAuthentications = results.Count(r => r.Ending == Ending.AuthenticationFailed);
        Assert.Equal(failedAuthentications, logs.Entries.Count(e => e.EventId.Name == "AuthenticationFailed"));
    }

    /// <summary>Runs <paramref name="count"/> attacks derived from <paramref name="seed"/>, <see cref="Concurrency"/> at a time; fails with the first few that went wrong.</summary>
    private static async Task<List<AttackResult>> AttackAsync(RouterHost host, int seed, int count)
    {
        var random = new Random(seed);
        var seeds = Enumerable.Range(0, count).Select(_ => random.Next()).ToArray();
        var results = new ConcurrentBag<AttackResult>();
        var failures = new ConcurrentBag<AttackFailedException>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (index, _) =>
        {
            try
            {
                results.Add(await AttackRunner.RunAsync(host, index, seeds[index]));
            }
            catch (AttackFailedException e)
            {
                failures.Add(e);
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {count} attacks went wrong:{Environment.NewLine}" + string.Join(Environment.NewLine, failures.Take(10).Select(f => f.Message)));
        return [.. results];
    }

    /// <summary>New sessions still join, authenticate and route, over both transports.</summary>
    private static async Task AssertStillServesAsync(RouterHost host)
    {
        await using var subscriber = await Joining.ConnectAndJoinAsync(host, WireKind.WebSocket, WampCodecs.Json, null);
        await subscriber.SendAsync(new SubscribeMessage(subscriber.NextRequest(), new Dictionary<string, object?>(), "com.good.after"));
        await subscriber.ReceiveAsync<SubscribedMessage>();
        await using var publisher = await Joining.ConnectAndJoinAsync(host, WireKind.RawSocket, WampCodecs.Cbor, null);
        await publisher.SendAsync(new PublishMessage(publisher.NextRequest(), new Dictionary<string, object?>(), "com.good.after", ["still here"]));
        Assert.Equal("still here", (await subscriber.ReceiveAsync<EventMessage>()).Arguments![0]);
        await using var secured = await Joining.ConnectAndJoinAsync(host, WireKind.RawSocket, WampCodecs.MessagePack, FuzzRouter.Sally);
        await secured.SendAsync(new SubscribeMessage(secured.NextRequest(), new Dictionary<string, object?>(), WellBehavedPubSub.SecuredTopic));
        await secured.ReceiveAsync<SubscribedMessage>();
    }

    /// <summary>Waits (generously) for a count that settles asynchronously, such as sessions that are closing, then checks it.</summary>
    private static async Task SettleAsync(Func<int> actual, int expected, string what)
    {
        var waited = Stopwatch.StartNew();
        while (actual() != expected && waited.Elapsed < SettleTimeout)
        {
            await Task.Delay(20);
        }

        Assert.True(actual() == expected, $"Expected {expected} {what}, found {actual()}.");
    }

    private static long ManagedMemory()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private void Report(List<AttackResult> results, WellBehavedSessions good, long baseline, long growth, TimeSpan elapsed)
    {
        output.WriteLine($"{results.Count} hostile sessions; well-behaved: {good.EventsPublished} events published ({good.EventsDelivered} deliveries), {good.Calls} calls.");
        foreach (var group in results.GroupBy(r => r.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var endings = group.GroupBy(r => r.Ending).Select(e => $"{e.Key} {e.Count()}");
            output.WriteLine($"  {group.Key}: {group.Count()} ({string.Join(", ", endings)})");
        }

        output.WriteLine($"Managed heap: baseline {baseline / 1024} KiB, growth {growth / 1024} KiB. Took {elapsed.TotalSeconds:F1} s.");
    }
}
