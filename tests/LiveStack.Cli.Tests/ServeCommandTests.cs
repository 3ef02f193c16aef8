using System.Text.RegularExpressions;
using LiveStack.Testing;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;

namespace LiveStack.Cli.Tests;

public partial class ServeCommandTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ServeRoutesAndSigtermSaysGoodbyeWithSystemShutdown()
    {
        var rawSocketPort = RouterHost.FreePort();
        using var cli = CliProcess.StartCli("serve", "--port", "0", "--rawsocket-port", rawSocketPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var line = await cli.WaitForLineAsync("LiveStack router listening on", StartTimeout);
        var url = new Uri(ListeningUrl().Match(line).Value);
        Assert.Contains("realm realm1", line, StringComparison.Ordinal);
        Assert.Contains($"rawsocket tcp://127.0.0.1:{rawSocketPort}", line, StringComparison.Ordinal);

        await using var subscriber = await TestPeer.JoinAsync(url);
        await subscriber.SubscribeAsync("com.example.cli");
        await using var publisher = await TestPeer.JoinAsync(url, codec: Wamp.Serialization.WampCodecs.Cbor);
        await publisher.SendAsync(new PublishMessage(publisher.NextRequest(), new Dictionary<string, object?>(), "com.example.cli", ["hello"]));
        Assert.Equal("hello", (await subscriber.ReceiveAsync<EventMessage>()).Arguments![0]);

        cli.Terminate();
        Assert.Equal(WampErrors.SystemShutdown, (await subscriber.ReceiveAsync<GoodbyeMessage>()).Reason);
        Assert.Equal(WampErrors.SystemShutdown, (await publisher.ReceiveAsync<GoodbyeMessage>()).Reason);
        await cli.WaitForExitAsync(StartTimeout);
        Assert.Equal(0, cli.ExitCode);
    }

    [Fact]
    public async Task ServeHonoursRealmAndPath()
    {
        using var cli = CliProcess.StartCli("serve", "--port", "0", "--realm", "com.example.app", "--path", "/wamp");
        var line = await cli.WaitForLineAsync("LiveStack router listening on", StartTimeout);
        var url = new Uri(ListeningUrl().Match(line).Value);
        Assert.EndsWith("/wamp", url.AbsolutePath, StringComparison.Ordinal);

        await using var peer = await TestPeer.JoinAsync(url, "com.example.app");
        Assert.True(WampIds.IsValid(peer.SessionId));
    }

    [Theory]
    [InlineData("serve", "--port", "http")]
    [InlineData("serve", "--bogus")]
    [InlineData("frobnicate")]
    public async Task BadArgumentsExitWithUsage(params string[] args)
    {
        using var cli = CliProcess.StartCli(args);
        var (_, stderr) = await cli.WaitForExitAsync(StartTimeout);

        Assert.Equal(2, cli.ExitCode);
        Assert.Contains("Usage: livestack", stderr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"ws://\S+")]
    private static partial Regex ListeningUrl();
}
