using System.Globalization;

namespace LiveStack.Cli;

/// <summary>The arguments of <c>livestack serve</c>; null where the flag was not given.</summary>
internal sealed record ServeOptions(string? ConfigFile, string? Host, int? Port, string? Path, string? Realm, int? RawSocketPort)
{
    public const string DefaultHost = "127.0.0.1";
    public const int DefaultPort = 8080;
    public const string DefaultPath = "/ws";
    public const string DefaultRealm = "realm1";

    public const string Usage = """
        Usage: livestack serve [options]

        Runs a standalone WAMP router (serializers json, msgpack and cbor). Without --config it
        serves one open realm: anonymous sessions may do anything.

        Options:
          --config <file>         Settings: the LiveStack section of appsettings.json, or a Crossbar.io
                                  node config (docs/configuration.md). Environment variables
                                  (LiveStack__...) override the file; the flags below override both.
          --host <address>        Address to listen on (default 127.0.0.1)
          --port <port>           HTTP/WebSocket port (default 8080; 0 picks a free port)
          --path <path>           WebSocket path (default /ws)
          --realm <realm>         Realm to serve (default realm1); with --config, only if it defines no realms
          --rawsocket-port <port> Also serve WAMP over RawSocket (TCP) on this port
          -h, --help              Show this help
        """;

    /// <summary>Parses the arguments after <c>serve</c>; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static ServeOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ServeOptions(null, null, null, null, null, null);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--config" => options with { ConfigFile = Value() },
                "--host" => options with { Host = Value() },
                "--port" => options with { Port = ParsePort(name, Value()) },
                "--path" => options with { Path = Value() },
                "--realm" => options with { Realm = Value() },
                "--rawsocket-port" => options with { RawSocketPort = ParsePort(name, Value()) },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        if (options.Path is { } path && !path.StartsWith('/'))
        {
            throw new ArgumentException("--path must start with '/'.");
        }

        if (options.Host is { } host && !ServeListener.IsHost(host))
        {
            throw new ArgumentException($"--host must be an IP address or localhost, not '{host}'.");
        }

        return options;
    }

    private static int ParsePort(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ArgumentException($"{name} must be a port number (0-65535), not '{value}'.");
}
