using System.Globalization;

namespace LiveStack.Cli;

/// <summary>The arguments of <c>livestack serve</c>.</summary>
internal sealed record ServeOptions(string Host, int Port, string Path, string Realm, int? RawSocketPort)
{
    public const string Usage = """
        Usage: livestack serve [options]

        Runs a standalone WAMP router: anonymous sessions, serializers json, msgpack and cbor.

        Options:
          --host <address>        Address to listen on (default 127.0.0.1)
          --port <port>           HTTP/WebSocket port (default 8080; 0 picks a free port)
          --path <path>           WebSocket path (default /ws)
          --realm <realm>         Realm to serve (default realm1)
          --rawsocket-port <port> Also serve WAMP over RawSocket (TCP) on this port
          -h, --help              Show this help
        """;

    /// <summary>Parses the arguments after <c>serve</c>; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static ServeOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ServeOptions("127.0.0.1", 8080, "/ws", "realm1", null);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--host" => options with { Host = Value() },
                "--port" => options with { Port = ParsePort(name, Value()) },
                "--path" => options with { Path = Value() },
                "--realm" => options with { Realm = Value() },
                "--rawsocket-port" => options with { RawSocketPort = ParsePort(name, Value()) },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        if (!options.Path.StartsWith('/'))
        {
            throw new ArgumentException("--path must start with '/'.");
        }

        return options;
    }

    private static int ParsePort(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ArgumentException($"{name} must be a port number (0-65535), not '{value}'.");
}
