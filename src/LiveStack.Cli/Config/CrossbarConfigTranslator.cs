using System.Globalization;
using System.Text.Json;

namespace LiveStack.Cli.Config;

/// <summary>
/// Translates a Crossbar.io node config (<c>"version": 2</c>) into LiveStack settings: the first
/// router worker's realms, roles and permissions, its WebSocket and RawSocket listeners, and the
/// static principals of their <c>auth</c> blocks. Every key it does not translate is reported by
/// name as a warning; keys whose loss would weaken security (TLS, anonymous access that differs
/// between transports…) are errors. Nothing is started: the result is configuration keys.
/// </summary>
internal sealed class CrossbarConfigTranslator
{
    private readonly Func<string, string?> _environment;
    private readonly ConfigIssues _issues;
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);

    private CrossbarConfigTranslator(Func<string, string?> environment, ConfigIssues issues)
    {
        _environment = environment;
        _issues = issues;
    }

    /// <summary>
    /// Translates the node config <paramref name="root"/> into configuration keys
    /// (<c>LiveStack:Realms:0:Name</c>, <c>LiveStack:Serve:Port</c>…), adding what it cannot translate to <paramref name="issues"/>.
    /// </summary>
    /// <param name="root">The config file's root object.</param>
    /// <param name="environment">Resolves the environment variables the file refers to (<c>"${VAR}"</c>).</param>
    /// <param name="issues">Receives errors and warnings, keyed by JSON path.</param>
    public static IReadOnlyDictionary<string, string?> Translate(JsonElement root, Func<string, string?> environment, ConfigIssues issues)
    {
        var translator = new CrossbarConfigTranslator(environment, issues);
        translator.TranslateNode(new CrossbarObject(root, string.Empty, issues));
        return translator._settings;
    }

    private void TranslateNode(CrossbarObject node)
    {
        var version = node.Int("version");
        if (version != 2)
        {
            _issues.Error("version", $"must be 2: only Crossbar.io node configs of version 2 are supported{(version is null ? "" : $" (found {version})")}.");
            return;
        }

        // Editor metadata, no setting.
        node.Take("$schema");
        node.Unsupported("controller", "livestack serve has no node controller or management API.");
        CrossbarObject? router = null;
        foreach (var worker in node.Objects("workers"))
        {
            var type = worker.String("type");
            if (type == "router" && router is null)
            {
                router = worker;
            }
            else
            {
                _issues.Warning(worker.Path, type == "router"
                    ? "is not started: livestack serve runs one router, the first."
                    : $"is not supported (worker type '{type}'): livestack serve runs a router only; run components as separate WAMP clients.");
            }
        }

        node.ReportRest();
        if (router is null)
        {
            _issues.Error("workers", "has no worker of type 'router'.");
            return;
        }

        TranslateRouter(router);
    }

    private void TranslateRouter(CrossbarObject router)
    {
        // Realms, roles and permissions keep their indices, so LiveStack:Realms:0:Roles:1 is realms[0].roles[1].
        var realms = new List<CrossbarRealm>();
        var realmObjects = router.Objects("realms");
        for (var i = 0; i < realmObjects.Count; i++)
        {
            if (TranslateRealm(realmObjects[i], i) is not { } translated)
            {
                continue;
            }

            if (realms.Exists(r => r.Name == translated.Name))
            {
                _issues.Error(realmObjects[i].PathOf("name"), $"'{translated.Name}' names a realm already defined.");
            }

            realms.Add(translated);
        }

        if (realms.Count == 0)
        {
            _issues.Error(router.PathOf("realms"), "must list at least one realm.");
        }

        var transports = new CrossbarTransports(_environment);
        transports.Read(router.Objects("transports"));
        router.Unsupported("components", "components run inside Crossbar's router; run them as separate WAMP clients.");
        router.ReportRest();

        var served = new List<CrossbarTransportAuth>();
        if (transports.WebSocket is { } webSocket)
        {
            Set("LiveStack:Serve:Host", webSocket.Endpoint.Host);
            Set("LiveStack:Serve:Port", Number(webSocket.Endpoint.Port));
            Set("LiveStack:Serve:Path", webSocket.WebSocketPath);
            for (var i = 0; i < webSocket.AllowedOrigins?.Count; i++)
            {
                Set($"LiveStack:AllowedOrigins:{Number(i)}", webSocket.AllowedOrigins[i]);
            }

            served.Add(webSocket.Auth);
        }

        if (transports.RawSocket is { } rawSocket)
        {
            Set("LiveStack:RawSocket:Host", rawSocket.Endpoint.Host);
            Set("LiveStack:RawSocket:Port", Number(rawSocket.Endpoint.Port));
            served.Add(rawSocket.Auth);
            if (transports.WebSocket is null)
            {
                _issues.Warning(router.PathOf("transports"), "has no WebSocket transport that can be served: livestack serve still serves WebSocket (see --host, --port, --path), with the RawSocket transport's authentication.");
            }
        }

        if (served.Count == 0)
        {
            _issues.Error(router.PathOf("transports"), "has no web, websocket or rawsocket transport that livestack serve can serve.");
            return;
        }

        CrossbarRealmAuth.Apply(served, realms, _settings, _issues);
    }

    private CrossbarRealm? TranslateRealm(CrossbarObject realm, int index)
    {
        var name = realm.String("name");
        var key = $"LiveStack:Realms:{Number(index)}";
        var roles = new HashSet<string>(StringComparer.Ordinal);
        var roleObjects = realm.Objects("roles");
        for (var r = 0; r < roleObjects.Count; r++)
        {
            TranslateRole(roleObjects[r], $"{key}:Roles:{Number(r)}", roles);
        }

        realm.Object("options")?.ReportRest();
        realm.ReportRest();
        if (name is null)
        {
            _issues.Error(realm.PathOf("name"), "is required.");
            return null;
        }

        if (roles.Count == 0)
        {
            // Crossbar admits nobody to a realm without roles; LiveStack opens such a realm to everybody.
            _issues.Error(realm.PathOf("roles"), "is missing or empty: Crossbar admits no session to such a realm, but LiveStack would open it to everyone. Add the roles.");
        }

        Set($"{key}:Name", name);
        return new CrossbarRealm(index, name, roles);
    }

    private void TranslateRole(CrossbarObject role, string key, HashSet<string> roles)
    {
        var name = role.String("name");
        if (name is null)
        {
            _issues.Error(role.PathOf("name"), "is required.");
            return;
        }

        roles.Add(name);
        Set($"{key}:Name", name);
        role.Unsupported("authorizer", $"a dynamic authorizer cannot be called, so every action of role '{name}' is denied. In an app, implement IWampAuthorizer instead.");
        var permissions = role.Objects("permissions");
        for (var p = 0; p < permissions.Count; p++)
        {
            TranslatePermission(permissions[p], $"{key}:Permissions:{Number(p)}");
        }

        role.ReportRest();
    }

    private void TranslatePermission(CrossbarObject permission, string key)
    {
        var uri = permission.String("uri");
        var explicitMatch = permission.Has("match");
        var match = permission.String("match");
        if (uri is null)
        {
            _issues.Error(permission.PathOf("uri"), "is required.");
            return;
        }

        if (!explicitMatch)
        {
            (uri, match) = ConvertStarredUri(uri);
        }

        if (match is not ("exact" or "prefix" or "wildcard"))
        {
            _issues.Error(permission.PathOf("match"), $"'{match}' must be exact, prefix or wildcard.");
        }

        Set($"{key}:Uri", uri);
        Set($"{key}:Match", match);
        var allow = permission.Object("allow");
        Set($"{key}:Call", Flag(allow, "call"));
        Set($"{key}:Register", Flag(allow, "register"));
        Set($"{key}:Publish", Flag(allow, "publish"));
        Set($"{key}:Subscribe", Flag(allow, "subscribe"));
        allow?.ReportRest();
        var disclose = permission.Object("disclose");
        Set($"{key}:DiscloseCaller", Flag(disclose, "caller"));
        Set($"{key}:DisclosePublisher", Flag(disclose, "publisher"));
        disclose?.ReportRest();
        permission.Unsupported("cache", "static permissions are evaluated in memory, there is nothing to cache.");
        permission.ReportRest();
    }

    // Crossbar's rule when a permission has no "match": "a.b.*" is a prefix, other stars are wildcards.
    private static (string Uri, string Match) ConvertStarredUri(string uri) =>
        uri.Count(c => c == '*') switch
        {
            0 => (uri, "exact"),
            1 when uri.EndsWith('*') => (uri[..^1], "prefix"),
            _ => (uri.Replace("*", string.Empty, StringComparison.Ordinal), "wildcard"),
        };

    private static string Flag(CrossbarObject? section, string key) => section?.Bool(key) == true ? "true" : "false";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void Set(string key, string? value) => _settings[key] = value;
}
