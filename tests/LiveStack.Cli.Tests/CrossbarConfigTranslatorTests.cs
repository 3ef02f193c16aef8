using LiveStack.Cli.Config;

namespace LiveStack.Cli.Tests;

public class CrossbarConfigTranslatorTests
{
    private static readonly Dictionary<string, string> ShopEnvironment = new() { ["SHOP_ALICE_TICKET"] = "alice-ticket" };

    private const string TwoRoles = """
        [ { "name": "realm1", "roles": [
            { "name": "anonymous", "permissions": [ { "uri": "com.example.public.", "match": "prefix", "allow": { "call": true } } ] },
            { "name": "user", "permissions": [ { "uri": "", "match": "prefix", "allow": { "call": true, "subscribe": true } } ] } ] } ]
        """;

    /// <summary>One WebSocket transport without an auth block: Crossbar admits anonymous sessions as 'anonymous'.</summary>
    private const string Anonymous = """[ { "type": "websocket", "endpoint": { "type": "tcp", "port": 8080 } } ]""";

    [Fact]
    public void TranslatesRealmsRolesPrincipalsAndListeners()
    {
        var config = ServeConfigFile.Load(TestConfig.ShopCrossbarConfig, ShopEnvironment.GetValueOrDefault);
        Assert.False(config.HasErrors, string.Join('\n', config.Issues));

        var options = TestConfig.Bind(config.Settings);
        var realm = Assert.Single(options.Realms);
        Assert.Equal("com.example.shop", realm.Name);
        Assert.Equal(["backend", "customer", "visitor"], realm.Roles.Select(r => r.Name));

        var backend = Assert.Single(realm.Roles[0].Permissions);
        Assert.Equal(("com.example.shop.", "prefix"), (backend.Uri, backend.Match));
        Assert.True(backend.Call && backend.Register && backend.Publish && backend.Subscribe && backend.DisclosePublisher);
        Assert.False(backend.DiscloseCaller);
        var order = realm.Roles[1].Permissions[0];
        Assert.Equal(("com.example.shop.order.", "prefix", true, false, true), (order.Uri, order.Match, order.Call, order.Subscribe, order.DiscloseCaller));
        var status = realm.Roles[1].Permissions[1];
        Assert.Equal(("com.example.shop..status", "wildcard", true, false), (status.Uri, status.Match, status.Subscribe, status.Call));

        Assert.Equal("visitor", realm.Auth.AnonymousRole);
        var alice = Assert.Single(realm.Auth.Ticket);
        Assert.Equal(("alice", "alice-ticket", "customer"), (alice.Key, alice.Value.Ticket, alice.Value.Role));
        var fulfilment = Assert.Single(realm.Auth.WampCra).Value;
        Assert.Equal(("pick-a-long-secret", "backend", "shop-salt", 100, 16), (fulfilment.Secret, fulfilment.Role, fulfilment.Salt, fulfilment.Iterations, fulfilment.KeyLength));
        var warehouse = Assert.Single(realm.Auth.Cryptosign);
        Assert.Equal("warehouse@example.com", warehouse.Key);
        Assert.Equal("backend", warehouse.Value.Role);
        Assert.Equal("4d2c7a0f5e8b1c3a9f6d2e7b0a4c8e1f3b5d7a9c2e4f6b8d0a1c3e5f7b9d1a3c", Assert.Single(warehouse.Value.PublicKeys));

        var listener = TestConfig.Listener(config.Settings);
        Assert.Equal(("0.0.0.0", 8080, "/ws"), (listener.Host, listener.Port, listener.Path));
        Assert.Equal(("127.0.0.1", 8081), (options.RawSocket.Host, options.RawSocket.Port));
        Assert.Equal(["https://shop.example.com"], options.AllowedOrigins);

        TestConfig.ValidateRealms(options);
    }

    [Fact]
    public void ReportsEveryKeyItDoesNotTranslateByName()
    {
        var config = ServeConfigFile.Load(TestConfig.ShopCrossbarConfig, ShopEnvironment.GetValueOrDefault);

        string[] expected =
        [
            "controller",
            "workers[1]",
            "workers[0].options",
            "workers[0].components",
            "workers[0].realms[0].roles[0].permissions[0].cache",
            "workers[0].realms[0].roles[1].permissions[0].cache",
            "workers[0].realms[0].roles[1].permissions[1].cache",
            "workers[0].transports[0].endpoint.backlog",
            "workers[0].transports[0].paths./",
            "workers[0].transports[0].paths.ws.options.auto_ping_interval",
            "workers[0].transports[0].paths.ws.serializers",
            "workers[0].transports[1].serializers",
            // Crossbar authenticates per transport, LiveStack per realm: these principals now work on both transports.
            "workers[0].transports[0].paths.ws.auth.ticket.principals.alice",
            "workers[0].transports[1].auth.cryptosign.principals.warehouse@example.com",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), config.Issues.Select(i => i.Key).Order(StringComparer.Ordinal));
        Assert.All(config.Issues, i => Assert.False(i.IsError));
        Assert.Contains(config.Issues, i => i.Key == "workers[1]" && i.Message.Contains("worker type 'guest'", StringComparison.Ordinal));
        Assert.Contains(config.Issues, i => i.Key.EndsWith("alice", StringComparison.Ordinal) && i.Message.Contains("also accepted on workers[0].transports[1]", StringComparison.Ordinal));
    }

    [Fact]
    public void TlsIsAnErrorBecauseServingItInClearTextWouldWeakenIt()
    {
        var (_, issues) = TestConfig.Translate(Node("""[ { "type": "websocket", "endpoint": { "type": "tcp", "port": 8080, "tls": { "key": "server.key", "certificate": "server.crt" } } } ]"""));

        var error = Assert.Single(issues, i => i.IsError);
        Assert.Equal("workers[0].transports[0].endpoint.tls", error.Key);
    }

    [Fact]
    public void AnonymousAccessThatDiffersBetweenTransportsIsAnError()
    {
        // The WebSocket transport has no auth block (Crossbar: anonymous); the RawSocket one takes tickets only.
        var (_, issues) = TestConfig.Translate(Node("""
            [ { "type": "websocket", "endpoint": { "type": "tcp", "port": 8080 } },
              { "type": "rawsocket", "endpoint": { "type": "tcp", "port": 8081 },
                "auth": { "ticket": { "type": "static", "principals": { "alice": { "ticket": "t", "role": "user" } } } } } ]
            """));

        var error = Assert.Single(issues, i => i.IsError);
        Assert.Equal("workers[0].transports[1]", error.Key);
        Assert.Contains("refuses anonymous sessions, but workers[0].transports[0] admits anonymous sessions as 'anonymous'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APrincipalDefinedDifferentlyOnTwoTransportsIsAnError()
    {
        var (_, issues) = TestConfig.Translate(Node("""
            [ { "type": "websocket", "endpoint": { "type": "tcp", "port": 8080 },
                "auth": { "ticket": { "type": "static", "principals": { "alice": { "ticket": "one", "role": "user" } } } } },
              { "type": "rawsocket", "endpoint": { "type": "tcp", "port": 8081 },
                "auth": { "ticket": { "type": "static", "principals": { "alice": { "ticket": "two", "role": "user" } } } } } ]
            """));

        Assert.Equal("workers[0].transports[1].auth.ticket.principals.alice", Assert.Single(issues, i => i.IsError).Key);
    }

    [Fact]
    public void AnUnknownMatchPolicyIsAnErrorNamingTheCrossbarKey()
    {
        var (_, issues) = TestConfig.Translate(Node(Anonymous, """
            [ { "name": "realm1", "roles": [ { "name": "anonymous", "permissions": [ { "uri": "com.example.", "match": "regex" } ] } ] } ]
            """));

        var error = Assert.Single(issues, i => i.IsError);
        Assert.Equal("workers[0].realms[0].roles[0].permissions[0].match 'regex' must be exact, prefix or wildcard.", error.ToString());
    }

    [Fact]
    public void ARealmWithoutRolesIsAnErrorBecauseLiveStackWouldOpenIt()
    {
        var (_, issues) = TestConfig.Translate(Node(Anonymous, """[ { "name": "realm1" } ]"""));

        Assert.Equal("workers[0].realms[0].roles", Assert.Single(issues, i => i.IsError).Key);
    }

    [Theory]
    [InlineData("""{ "version": 1, "workers": [] }""", "version")]
    [InlineData("""{ "version": 2, "workers": [ { "type": "container" } ] }""", "workers")]
    [InlineData("""{ "version": 2, "workers": [ { "type": "router", "realms": [ { "name": "realm1", "roles": [ { "name": "anonymous" } ] } ], "transports": [ { "type": "mqtt" } ] } ] }""", "workers[0].transports")]
    public void ANodeWithoutAServableRouterIsAnError(string json, string key)
    {
        var (_, issues) = TestConfig.Translate(json);

        Assert.Equal(key, Assert.Single(issues, i => i.IsError).Key);
    }

    [Theory]
    [InlineData("com.example.add", "com.example.add", "exact")]
    [InlineData("com.example.*", "com.example.", "prefix")]
    [InlineData("*", "", "prefix")]
    [InlineData("com.*.update", "com..update", "wildcard")]
    public void StarredUrisBecomeMatchPoliciesAsInCrossbar(string starred, string uri, string match)
    {
        var (settings, issues) = TestConfig.Translate(Node(Anonymous, $$"""
            [ { "name": "realm1", "roles": [ { "name": "anonymous", "permissions": [ { "uri": "{{starred}}", "allow": { "call": true } } ] } ] } ]
            """));

        Assert.DoesNotContain(issues, i => i.IsError);
        var rule = Assert.Single(TestConfig.Bind(settings).Realms[0].Roles[0].Permissions);
        Assert.Equal((uri, match), (rule.Uri, rule.Match));
    }

    [Fact]
    public void PrincipalsGoIntoTheirRealmOrEveryRealmWithTheirRole()
    {
        const string realms = """
            [ { "name": "shop", "roles": [ { "name": "user" }, { "name": "admin" } ] },
              { "name": "blog", "roles": [ { "name": "user" } ] } ]
            """;
        var (settings, issues) = TestConfig.Translate(Node(realms: realms, transports: """
            [ { "type": "websocket", "endpoint": { "type": "tcp", "port": 8080 }, "auth": {
                "ticket": { "type": "static", "principals": {
                    "everywhere": { "ticket": "t1", "role": "user" },
                    "shop-only": { "ticket": "t2", "role": "user", "realm": "shop" },
                    "root": { "ticket": "t3", "role": "admin" } } } } } ]
            """));

        Assert.Empty(issues);
        var options = TestConfig.Bind(settings);
        Assert.Equal(["everywhere", "root", "shop-only"], options.Realms[0].Auth.Ticket.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["everywhere"], options.Realms[1].Auth.Ticket.Keys);
        TestConfig.ValidateRealms(options);
    }

    [Fact]
    public void APrincipalNamingAnUnknownRealmIsAnError()
    {
        var (_, issues) = TestConfig.Translate(Node("""
            [ { "type": "websocket", "endpoint": { "type": "tcp", "port": 8080 }, "auth": {
                "ticket": { "type": "static", "principals": { "alice": { "ticket": "t", "role": "anonymous", "realm": "nowhere" } } } } } ]
            """));

        Assert.Equal("workers[0].transports[0].auth.ticket.principals.alice.realm", Assert.Single(issues, i => i.IsError).Key);
    }

    [Fact]
    public void DynamicAuthenticatorsAndUnsupportedMethodsAreWarningsAndRefuseTheirClients()
    {
        var (settings, issues) = TestConfig.Translate(Node("""
            [ { "type": "websocket", "endpoint": { "type": "tcp", "port": 8080 }, "cookie": { "store": { "type": "memory" } }, "auth": {
                "anonymous": { "type": "static" },
                "ticket": { "type": "dynamic", "authenticator": "com.example.authenticate" },
                "cookie": {},
                "scram": { "type": "static", "principals": {} } } } ]
            """));

        Assert.DoesNotContain(issues, i => i.IsError);
        Assert.Equal(
            ["workers[0].transports[0].auth.cookie", "workers[0].transports[0].auth.scram", "workers[0].transports[0].auth.ticket", "workers[0].transports[0].cookie"],
            issues.Select(i => i.Key).Order(StringComparer.Ordinal));
        Assert.Contains("dynamic authenticator ('com.example.authenticate')", issues.Single(i => i.Key.EndsWith("ticket", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
        var realm = Assert.Single(TestConfig.Bind(settings).Realms);
        Assert.Empty(realm.Auth.Ticket);
        Assert.Equal("anonymous", realm.Auth.AnonymousRole);
    }

    [Fact]
    public void SecretsAndPortsComeFromTheEnvironmentAsInCrossbar()
    {
        var json = Node("""
            [ { "type": "websocket", "endpoint": { "type": "tcp", "port": "$WS_PORT" }, "auth": {
                "wampcra": { "type": "static", "users": { "bob": { "secret": "${BOB_SECRET}", "role": "user" } } } } } ]
            """);

        var (settings, issues) = TestConfig.Translate(json, new Dictionary<string, string> { ["WS_PORT"] = "9000", ["BOB_SECRET"] = "from-env" });
        Assert.Empty(issues);
        Assert.Equal(9000, TestConfig.Listener(settings).Port);
        Assert.Equal("from-env", TestConfig.Bind(settings).Realms[0].Auth.WampCra["bob"].Secret);

        // Crossbar would fall back to the literal "${BOB_SECRET}"; that text must not become the password.
        var (_, unset) = TestConfig.Translate(json, new Dictionary<string, string> { ["WS_PORT"] = "9000" });
        var error = Assert.Single(unset, i => i.IsError);
        Assert.Equal("workers[0].transports[0].auth.wampcra.users.bob.secret names environment variable BOB_SECRET, which is not set.", error.ToString());
    }

    [Fact]
    public void AWebTransportServesItsFirstWebSocketPath()
    {
        var (settings, issues) = TestConfig.Translate(Node("""
            [ { "type": "web", "endpoint": { "type": "tcp", "port": 8080, "interface": "127.0.0.1" }, "paths": {
                "/": { "type": "static", "directory": ".." },
                "wamp": { "type": "websocket" },
                "ws2": { "type": "websocket" },
                "info": { "type": "nodeinfo" } } },
              { "type": "websocket", "endpoint": { "type": "tcp", "port": 9090 } } ]
            """));

        Assert.Equal(("127.0.0.1", 8080, "/wamp"), (TestConfig.Listener(settings).Host, TestConfig.Listener(settings).Port, TestConfig.Listener(settings).Path));
        Assert.Equal(
            ["workers[0].transports[0].paths./", "workers[0].transports[0].paths.info", "workers[0].transports[0].paths.ws2", "workers[0].transports[1]"],
            issues.Select(i => i.Key).Order(StringComparer.Ordinal));
    }

    private static string Node(string transports, string realms = TwoRoles) => $$"""
        { "version": 2, "workers": [ { "type": "router", "realms": {{realms}}, "transports": {{transports}} } ] }
        """;
}
