using LiveStack.Wamp.Messages;

namespace LiveStack.AspNetCore.Tests.Fuzz;

/// <summary>A caller and a callee doing numbered calls while the attack runs; every call must get its own result, intact.</summary>
internal sealed class WellBehavedRpc(FuzzWire caller, FuzzWire callee, long registration)
{
    public const string Procedure = "com.good.rpc.echo";
    private const int Window = 4;

    public IEnumerable<FuzzWire> Wires => [caller, callee];

    public FuzzWire Caller => caller;

    public long Calls { get; private set; }

    public static async Task<WellBehavedRpc> StartAsync(FuzzWire caller, FuzzWire callee)
    {
        await callee.SendAsync(new RegisterMessage(callee.NextRequest(), new Dictionary<string, object?>(), Procedure));
        return new WellBehavedRpc(caller, callee, (await callee.ReceiveAsync<RegisteredMessage>()).Registration);
    }

    /// <summary>Calls until <paramref name="stop"/> fires (and at least <paramref name="minimum"/> calls), the callee answering each.</summary>
    public async Task RunAsync(int minimum, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested || Calls < minimum)
        {
            var first = Calls + 1;
            var requests = new List<long>();
            for (var n = first; n < first + Window; n++)
            {
                var request = caller.NextRequest();
                requests.Add(request);
                await caller.SendAsync(new CallMessage(request, new Dictionary<string, object?>(), Procedure, [n, WellBehavedPubSub.Text(n)]));
            }

            for (var n = first; n < first + Window; n++)
            {
                var invocation = await callee.ReceiveAsync<InvocationMessage>();
                WellBehavedSessions.Check(
                    invocation.Registration == registration && invocation.Arguments is [long got, string text] && got == n && text == WellBehavedPubSub.Text(n),
                    callee,
                    $"invocation {n} expected, got [{string.Join(", ", invocation.Arguments ?? [])}]");
                await callee.SendAsync(new YieldMessage(invocation.Request, new Dictionary<string, object?>(), [n * 2, WellBehavedPubSub.Text(n)]));
            }

            for (var n = first; n < first + Window; n++)
            {
                var result = await caller.ReceiveAsync<ResultMessage>();
                WellBehavedSessions.Check(
                    result.Request == requests[(int)(n - first)] && result.Arguments is [long doubled, string text] && doubled == n * 2 && text == WellBehavedPubSub.Text(n),
                    caller,
                    $"result {n} expected, got [{string.Join(", ", result.Arguments ?? [])}] for request {result.Request}");
            }

            Calls += Window;
        }
    }
}
