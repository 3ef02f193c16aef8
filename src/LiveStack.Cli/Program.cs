using LiveStack.Cli;

const string usage = """
    Usage: livestack <command> [options]

    Commands:
      serve    Run a standalone WAMP router (livestack serve --help)
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(usage);
    return args.Length == 0 ? 1 : 0;
}

switch (args[0])
{
    case "serve":
        var serveArgs = args[1..];
        if (serveArgs.Contains("-h") || serveArgs.Contains("--help"))
        {
            Console.WriteLine(ServeOptions.Usage);
            return 0;
        }

        ServeOptions options;
        try
        {
            options = ServeOptions.Parse(serveArgs);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(ServeOptions.Usage);
            return 2;
        }

        return await ServeCommand.RunAsync(options, []).ConfigureAwait(false);
    default:
        Console.Error.WriteLine($"Unknown command '{args[0]}'.");
        Console.Error.WriteLine(usage);
        return 2;
}
