using LiveStack.Wamp.Serialization;

namespace LiveStack.Conformance;

/// <summary>The parsed command line of the conformance runner.</summary>
internal sealed record CommandLine(Uri RouterUrl, string Realm, string ScriptsDirectory, string? Filter, WampSerializer Serializer, TimeSpan Timeout, bool Verbose)
{
    public const string Usage = """
        Usage: LiveStack.Conformance <router-url> [options]

          <router-url>               WebSocket URL of the router, e.g. ws://127.0.0.1:8080/ws
          --realm <name>             realm the sessions join (default: realm1)
          --scripts <dir>            folder of *.json scripts (default: the scripts folder next to the program)
          --filter <text>            run only scripts whose name contains <text>
          --serializer <name>        json (default), msgpack or cbor
          --timeout <ms>             how long to wait for each expected frame (default: 3000)
          --verbose                  print the transcript of passing scripts too

        Exit code: 0 when every script passed (or was skipped), 1 when any failed, 2 for bad usage
        or scripts that cannot be loaded, 130 when interrupted.
        """;

    /// <summary>Parses the arguments; null (after printing why) when they are wrong.</summary>
    public static CommandLine? Parse(string[] args, TextWriter error)
    {
        Uri? url = null;
        var realm = "realm1";
        var scripts = Path.Combine(AppContext.BaseDirectory, "scripts");
        string? filter = null;
        var serializer = WampSerializer.Json;
        var timeout = TimeSpan.FromSeconds(3);
        var verbose = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--realm":
                    realm = Value(args, ref i);
                    break;
                case "--scripts":
                    scripts = Value(args, ref i);
                    break;
                case "--filter":
                    filter = Value(args, ref i);
                    break;
                case "--serializer":
                    serializer = Value(args, ref i) switch
                    {
                        "json" => WampSerializer.Json,
                        "msgpack" => WampSerializer.MessagePack,
                        "cbor" => WampSerializer.Cbor,
                        var other => throw new ArgumentException($"unknown serializer '{other}'"),
                    };
                    break;
                case "--timeout":
                    timeout = TimeSpan.FromMilliseconds(int.Parse(Value(args, ref i), System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "--verbose":
                    verbose = true;
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) || url is not null
                        || !Uri.TryCreate(arg, UriKind.Absolute, out url) || url.Scheme is not ("ws" or "wss"))
                    {
                        error.WriteLine($"Unexpected argument '{arg}'.");
                        return null;
                    }

                    break;
            }
        }

        if (url is null)
        {
            error.WriteLine("The router URL is missing.");
            return null;
        }

        return new CommandLine(url, realm, scripts, filter, serializer, timeout, verbose);
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");
}
