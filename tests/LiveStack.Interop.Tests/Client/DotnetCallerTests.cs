using LiveStack.Client;
using LiveStack.Wamp;

namespace LiveStack.Interop.Tests.Client;

/// <summary>
/// The .NET client calls procedures an autobahn-js callee registered (dotnet-client/callee.js): results,
/// keyword arguments, application errors, progressive results, and canceling a call that never
/// answers (mode killnowait, the default), after which the session must still work.
/// </summary>
public sealed class DotnetCallerTests(ClientRouterFixture router, ITestOutputHelper output) : IClassFixture<ClientRouterFixture>
{
    private static readonly string[] Tags = ["x", "y"];

    [Theory]
    [InlineData("json", "json")]
    [InlineData("msgpack", "msgpack")]
    [InlineData("cbor", "cbor")]
    [InlineData("cbor", "json")]
    [InlineData("json", "msgpack")]
    public async Task WampSessionCallsAutobahnProcedures(string dotnetSerializer, string autobahnSerializer)
    {
        var uri = ClientRouterFixture.NewBase("session_caller");
        using var callee = router.StartScript("callee.js", autobahnSerializer, uri);
        await callee.WaitForLineAsync("ok - callee registered");
        await using var session = await router.ConnectAsync(dotnetSerializer);

        Assert.Equal(5, await session.CallAsync<int>($"{uri}.add", 2, 3));

        var echoed = await session.CallAsync(
            $"{uri}.echo",
            ["a", 42L, true],
            new Dictionary<string, object?> { ["text"] = "grüße ✓ 🚀", ["ratio"] = 1.5, ["tags"] = WampConvert.ToWamp(Tags) });
        Assert.Equal(("a", 42, true), (echoed.Argument<string>(0), echoed.Argument<int>(1), echoed.Argument<bool>(2)));
        Assert.Equal("grüße ✓ 🚀", echoed.Keyword<string>("text"));
        Assert.Equal(1.5, echoed.Keyword<double>("ratio"));
        Assert.Equal(Tags, echoed.Keyword<string[]>("tags"));

        var error = await Assert.ThrowsAsync<WampException>(() => session.CallAsync<int>($"{uri}.withdraw", 100));
        AssertInsufficientFunds(error);
        var missing = await Assert.ThrowsAsync<WampException>(() => session.CallAsync<int>($"{uri}.missing"));
        Assert.Equal(WampErrors.NoSuchProcedure, missing.Uri);

        var parts = new List<int>();
        await foreach (var part in session.CallProgressiveAsync<int>($"{uri}.count", [3]))
        {
            parts.Add(part);
        }

        Assert.Equal([1, 2, 3], parts);

        using var cancel = new CancellationTokenSource();
        var slow = session.CallAsync($"{uri}.slow", ["session"], cancellationToken: cancel.Token);
        await callee.WaitForLineAsync("ok - slow was invoked");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slow);
        await AssertStillWorksAfterCancelAsync(callee, (procedure, arguments) => session.CallAsync<int?>(procedure, arguments), uri);
        Assert.True(session.IsOpen);
        await session.LeaveAsync();
    }

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    [InlineData("cbor")]
    public async Task LiveClientCallsAutobahnProcedures(string serializer)
    {
        var uri = ClientRouterFixture.NewBase("client_caller");
        using var callee = router.StartScript("callee.js", serializer, uri);
        await callee.WaitForLineAsync("ok - callee registered");
        await using var app = router.CreateApp(serializer);
        await app.StartAsync();
        var client = app.Client;

        Assert.Equal(5, await client.CallAsync<int>($"{uri}.add", 2, 3));
        AssertInsufficientFunds(await Assert.ThrowsAsync<WampException>(() => client.CallAsync<int>($"{uri}.withdraw", 100)));

        var parts = new List<int>();
        await foreach (var part in client.CallProgressiveAsync<int>($"{uri}.count", [4]))
        {
            parts.Add(part);
        }

        Assert.Equal([1, 2, 3, 4], parts);

        using var cancel = new CancellationTokenSource();
        var slow = client.CallAsync<int>($"{uri}.slow", ["client"], cancel.Token);
        await callee.WaitForLineAsync("ok - slow was invoked");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slow);
        await AssertStillWorksAfterCancelAsync(callee, (procedure, arguments) => client.CallAsync<int?>(procedure, arguments), uri);
        Assert.True(client.IsReady);
        await app.StopAsync();
    }

    private static void AssertInsufficientFunds(WampException error)
    {
        Assert.Equal("com.example.error.insufficient_funds", error.Uri);
        Assert.Equal(2, error.Arguments.Count);
        Assert.Equal(100, WampConvert.FromWamp<int>(error.Arguments[0]));
        Assert.Equal("balance too low", WampConvert.FromWamp<string>(error.Arguments[1]));
        Assert.Equal(10, WampConvert.FromWamp<int>(error.ArgumentsKeywords["balance"]));
        Assert.Equal(100, WampConvert.FromWamp<int>(error.ArgumentsKeywords["requested"]));
    }

    /// <summary>
    /// After the cancel: the session still calls; then the callee answers the canceled call late, which
    /// the router must drop (the next result is the next call's), and the script checks its side and exits.
    /// </summary>
    private async Task AssertStillWorksAfterCancelAsync(ChildProcess callee, Func<string, object?[], Task<int?>> call, string uri)
    {
        Assert.Equal(7, await call($"{uri}.add", [3, 4]));
        Assert.Equal(1, await call($"{uri}.release", []));
        Assert.Equal(9, await call($"{uri}.add", [4, 5]));
        Assert.Null(await call($"{uri}.finish", []));
        await callee.AssertPassesAsync(output);
    }
}
