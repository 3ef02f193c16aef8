using System.Globalization;
using System.Text.RegularExpressions;
using LiveStack.Testing;
using LiveStack.Wamp;
using LiveStack.Wamp.Messages;

namespace LiveStack.Cli.Tests;

public sealed partial class ServeConfigTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private const string SecuredRealm = """
        "Realms": [ {
          "Name": "com.example.app",
          "Roles": [
            { "Name": "user", "Permissions": [ { "Uri": "com.example.app.", "Match": "prefix", "Call": true, "Subscribe": true } ] }
          ],
          "Auth": { "Ticket": { "alice": { "Ticket": "from-file", "Role": "user" } } }
        } ]
        """;

    private readonly TestConfig _files = new();

    [Fact]
    public async Task ServesTheConfiguredRealmListenerAndTicketPrincipal()
    {
        var config = _files.Write($$"""{ "LiveStack": { "Serve": { "Port": 0, "Path": "/wamp" }, {{SecuredRealm}} } }""");
        using var cli = CliProcess.StartCli("serve", "--config", config);
        var url = await ListeningUrlAsync(cli, "realm com.example.app");
        Assert.Equal("/wamp", url.AbsolutePath);

        await using var alice = await TicketAsync(url, "com.example.app", "alice", "from-file");
        var welcome = await alice.ReceiveAsync<WelcomeMessage>();
        Assert.Equal(("alice", "user", "ticket"), (welcome.Details["authid"], welcome.Details["authrole"], welcome.Details["authmethod"]));
        await alice.SubscribeAsync("com.example.app.news");

        // The realm has roles and no AnonymousRole: anonymous sessions are refused.
        await using var anonymous = await TestPeer.ConnectAsync(url);
        await anonymous.SendAsync(new HelloMessage("com.example.app", TestPeer.HelloDetails()));
        Assert.Equal(WampErrors.NoMatchingAuthMethod, (await anonymous.ReceiveAsync<AbortMessage>()).Reason);
    }

    [Fact]
    public async Task AnEnvironmentVariableOverridesTheFilesSecret()
    {
        var config = _files.Write($$"""{ "Serve": { "Port": 0 }, {{SecuredRealm}} }""");
        using var cli = CliProcess.StartCli(
            new Dictionary<string, string> { ["LiveStack__Realms__0__Auth__Ticket__alice__Ticket"] = "from-env" },
            "serve", "--config", config);
        var url = await ListeningUrlAsync(cli, "realm com.example.app");

        await using var withEnv = await TicketAsync(url, "com.example.app", "alice", "from-env");
        Assert.Equal("user", (await withEnv.ReceiveAsync<WelcomeMessage>()).Details["authrole"]);
        await using var withFile = await TicketAsync(url, "com.example.app", "alice", "from-file");
        Assert.Equal("wamp.error.authentication_failed", (await withFile.ReceiveAsync<AbortMessage>()).Reason);
    }

    [Fact]
    public async Task ASecretOnlyInTheEnvironmentCompletesTheFile()
    {
        var config = _files.Write($$"""{ "Serve": { "Port": 0 }, {{SecuredRealm.Replace("\"Ticket\": \"from-file\", ", string.Empty, StringComparison.Ordinal)}} }""");
        using var withoutSecret = CliProcess.StartCli("serve", "--config", config);
        var (_, stderr) = await withoutSecret.WaitForExitAsync(Timeout);
        Assert.Equal(2, withoutSecret.ExitCode);
        Assert.Contains("livestack.json: LiveStack:Realms:0:Auth:Ticket:alice:Ticket is empty", stderr, StringComparison.Ordinal);

        using var cli = CliProcess.StartCli(
            new Dictionary<string, string> { ["LiveStack__Realms__0__Auth__Ticket__alice__Ticket"] = "from-env" },
            "serve", "--config", config);
        var url = await ListeningUrlAsync(cli, "realm com.example.app");
        await using var alice = await TicketAsync(url, "com.example.app", "alice", "from-env");
        Assert.Equal("alice", (await alice.ReceiveAsync<WelcomeMessage>()).Details["authid"]);
    }

    [Theory]
    [InlineData(
        """{ "Realms": [ { "Name": "realm1", "Roles": [ { "Name": "a" }, { "Name": "b", "Permissions": [ { "Uri": "x" }, { "Uri": "y" }, { "Uri": "z", "Match": "regex" } ] } ] } ] }""",
        "livestack.json: LiveStack:Realms:0:Roles:1:Permissions:2:Match 'regex' must be exact, prefix or wildcard")]
    [InlineData("""{ "LiveStack": { "Realm": [ { "Name": "realm1" } ] } }""", "livestack.json: LiveStack:Realm is not a setting")]
    [InlineData("""{ "MaxMessageSize": "big" }""", "livestack.json: Failed to convert configuration value 'big' at 'LiveStack:MaxMessageSize'")]
    [InlineData("""{ "Serve": { "Path": "ws" } }""", "livestack.json: LiveStack:Serve:Path 'ws' must start with '/'")]
    [InlineData("""{ "version": 2, "workers": [ { "type": "router", "realms": [], "transports": [] } ] }""", "livestack.json: workers[0].realms must list at least one realm")]
    public async Task AnInvalidFileExitsWith2NamingTheFileAndTheKey(string json, string message)
    {
        using var cli = CliProcess.StartCli("serve", "--config", _files.Write(json), "--port", "0");
        var (stdout, stderr) = await cli.WaitForExitAsync(Timeout);

        Assert.Equal(2, cli.ExitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealmFlagCannotReplaceConfiguredRealms()
    {
        using var cli = CliProcess.StartCli("serve", "--config", _files.Write($$"""{ {{SecuredRealm}} }"""), "--realm", "realm1");
        var (_, stderr) = await cli.WaitForExitAsync(Timeout);

        Assert.Equal(2, cli.ExitCode);
        Assert.Contains("--realm cannot be used", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServesACrossbarConfigWithFlagsOverridingItsPorts()
    {
        var rawSocketPort = RouterHost.FreePort();
        using var cli = CliProcess.StartCli(
            new Dictionary<string, string> { ["SHOP_ALICE_TICKET"] = "alice-ticket" },
            "serve", "--config", TestConfig.ShopCrossbarConfig, "--host", "127.0.0.1", "--port", "0", "--rawsocket-port", rawSocketPort.ToString(CultureInfo.InvariantCulture));
        var url = await ListeningUrlAsync(cli, "realm com.example.shop");
        Assert.Equal("/ws", url.AbsolutePath);

        await using var alice = await TicketAsync(url, "com.example.shop", "alice", "alice-ticket");
        Assert.Equal("customer", (await alice.ReceiveAsync<WelcomeMessage>()).Details["authrole"]);
        await alice.SubscribeAsync("com.example.shop.order42.status");

        await using var visitor = await TestPeer.ConnectAsync(url);
        await visitor.SendAsync(new HelloMessage("com.example.shop", TestPeer.HelloDetails()));
        Assert.Equal("visitor", (await visitor.ReceiveAsync<WelcomeMessage>()).Details["authrole"]);

        cli.Terminate();
        var (_, stderr) = await cli.WaitForExitAsync(Timeout);
        Assert.Contains("crossbar-shop.json: warning: controller is not supported", stderr, StringComparison.Ordinal);
        Assert.Contains("crossbar-shop.json: warning: workers[0].transports[0].paths./ is not supported", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACrossbarConfigWithTlsExitsWith2()
    {
        var config = _files.Write("""
            { "version": 2, "workers": [ { "type": "router",
              "realms": [ { "name": "realm1", "roles": [ { "name": "anonymous", "permissions": [ { "uri": "", "match": "prefix", "allow": { "call": true } } ] } ] } ],
              "transports": [ { "type": "websocket", "endpoint": { "type": "tcp", "port": 8443, "tls": { "key": "server.key", "certificate": "server.crt" } } } ] } ] }
            """, "crossbar.json");
        using var cli = CliProcess.StartCli("serve", "--config", config);
        var (_, stderr) = await cli.WaitForExitAsync(Timeout);

        Assert.Equal(2, cli.ExitCode);
        Assert.Contains("crossbar.json: workers[0].transports[0].endpoint.tls is not supported", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();

    private static async Task<Uri> ListeningUrlAsync(CliProcess cli, string realm)
    {
        var line = await cli.WaitForLineAsync("LiveStack router listening on", Timeout);
        Assert.Contains(realm, line, StringComparison.Ordinal);
        return new Uri(ListeningUrl().Match(line).Value);
    }

    /// <summary>Says HELLO with a ticket and answers the CHALLENGE; the router's WELCOME or ABORT comes next.</summary>
    private static async Task<TestPeer> TicketAsync(Uri url, string realm, string authId, string ticket)
    {
        var peer = await TestPeer.ConnectAsync(url);
        var details = TestPeer.HelloDetails();
        details["authmethods"] = new List<object?> { "ticket" };
        details["authid"] = authId;
        await peer.SendAsync(new HelloMessage(realm, details));
        Assert.Equal("ticket", (await peer.ReceiveAsync<ChallengeMessage>()).AuthMethod);
        await peer.SendAsync(new AuthenticateMessage(ticket, new Dictionary<string, object?>()));
        return peer;
    }

    [GeneratedRegex(@"ws://\S+")]
    private static partial Regex ListeningUrl();
}
