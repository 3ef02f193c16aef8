using System.Runtime.CompilerServices;
using LiveStack.Client;

namespace LiveStack.Interop.Tests.Client;

/// <summary>
/// autobahn-js calls procedures of the .NET client (dotnet-client/call-dotnet.js): once registered on a
/// plain <see cref="WampSession"/> with hand-written handlers, once declared on a <see cref="LiveApp"/>
/// with bound delegates. Both answer the same script the same way.
/// </summary>
public sealed class DotnetCalleeTests(ClientRouterFixture router, ITestOutputHelper output) : IClassFixture<ClientRouterFixture>
{
    private const string InsufficientFunds = "com.example.error.insufficient_funds";

    [Theory]
    [InlineData("json", "json")]
    [InlineData("msgpack", "msgpack")]
    [InlineData("cbor", "cbor")]
    [InlineData("msgpack", "json")]
    [InlineData("cbor", "msgpack")]
    public async Task AutobahnCallsWampSessionProcedures(string dotnetSerializer, string autobahnSerializer)
    {
        var uri = ClientRouterFixture.NewBase("session_callee");
        await using var session = await router.ConnectAsync(dotnetSerializer);
        await session.RegisterAsync($"{uri}.add", (invocation, _) =>
            ValueTask.FromResult(WampResult.Of(invocation.Argument<int>(0) + invocation.Argument<int>(1))));
        await session.RegisterAsync($"{uri}.greet", (invocation, _) =>
        {
            // By position, else by name: what the LiveApp binder does for (string name, int times).
            var name = invocation.Arguments.Count > 0 ? invocation.Argument<string>(0) : invocation.Keyword<string>("name");
            var times = invocation.Arguments.Count > 1 ? invocation.Argument<int>(1) : invocation.Keyword<int>("times");
            return ValueTask.FromResult(WampResult.Of(Greet(name!, times)));
        });
        await session.RegisterAsync($"{uri}.withdraw", (invocation, _) => throw Insufficient(invocation.Argument<long>(0)));
        await session.RegisterAsync($"{uri}.crash", (_, _) => throw new InvalidOperationException("boom"));
        await session.RegisterAsync($"{uri}.count", async (invocation, cancellationToken) =>
        {
            var n = invocation.Argument<int>(0);
            if (!invocation.ReceiveProgress)
            {
                return WampResult.Of(Enumerable.Range(1, n).ToArray());
            }

            for (var i = 1; i <= n; i++)
            {
                await invocation.ProgressAsync(WampResult.Of(i), cancellationToken);
            }

            return WampResult.Empty;
        });

        using var caller = router.StartScript("call-dotnet.js", autobahnSerializer, uri);
        await caller.AssertPassesAsync(output);
        await session.LeaveAsync();
    }

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public async Task AutobahnCallsLiveAppProcedures(string serializer)
    {
        var uri = ClientRouterFixture.NewBase("app_callee");
        await using var app = router.CreateApp(serializer);
        app.Register($"{uri}.add", (int a, int b) => a + b);
        app.Register($"{uri}.greet", (string name, int times) => Greet(name, times));
        app.Register($"{uri}.withdraw", Withdraw);
        app.Register($"{uri}.crash", Crash);
        app.Register($"{uri}.count", CountAsync);
        await app.StartAsync();
        using (var ready = new CancellationTokenSource(ClientRouterFixture.Patience))
        {
            await app.Client.WhenReadyAsync(ready.Token);
        }

        using var caller = router.StartScript("call-dotnet.js", serializer, uri);
        await caller.AssertPassesAsync(output);
        await app.StopAsync();
    }

    private static string Greet(string name, int times) => string.Join(", ", Enumerable.Repeat($"hello {name}", times));

    private static WampException Insufficient(long amount) =>
        new(InsufficientFunds, [amount, "balance too low"], new Dictionary<string, object?> { ["balance"] = 10L, ["requested"] = amount });

    private static int Withdraw(int amount) => throw Insufficient(amount);

    private static int Crash() => throw new InvalidOperationException("boom");

    private static async IAsyncEnumerable<int> CountAsync(int n, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 1; i <= n; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }
}
