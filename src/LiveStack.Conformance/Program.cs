using LiveStack.Conformance;
using LiveStack.Conformance.Running;
using LiveStack.Conformance.Scripts;

if (args is ["-h"] or ["--help"])
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

CommandLine? options;
try
{
    options = CommandLine.Parse(args, Console.Error);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    options = null;
}

if (options is null)
{
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

IReadOnlyList<ConformanceScript> scripts;
try
{
    scripts = ScriptLoader.LoadDirectory(options.ScriptsDirectory);
}
catch (Exception e) when (e is ScriptFormatException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"Cannot load scripts: {e.Message}");
    return 2;
}

if (options.Filter is { } filter)
{
    scripts = scripts.Where(s => s.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
}

if (scripts.Count == 0)
{
    Console.Error.WriteLine($"No scripts to run in {options.ScriptsDirectory}.");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var settings = new RunSettings
{
    RouterUrl = options.RouterUrl,
    Realm = options.Realm,
    Serializer = options.Serializer,
    ReceiveTimeout = options.Timeout,
};
Console.WriteLine($"Running {scripts.Count} scripts against {options.RouterUrl} (realm {options.Realm}, {options.Serializer})");
var results = new List<ScriptResult>();
try
{
    foreach (var script in scripts)
    {
        var result = await ScriptRunner.RunAsync(script, settings, cancel.Token);
        results.Add(result);
        Console.WriteLine(Reporting.Line(result));
        if (result.Outcome == ScriptOutcome.Failed || (options.Verbose && result.Outcome == ScriptOutcome.Passed))
        {
            Console.WriteLine(Reporting.Indent(Reporting.About(script) + result.Report()));
        }
    }
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.WriteLine($"Canceled. {Reporting.Summary(results)}");
    return 130;
}

Console.WriteLine(Reporting.Summary(results));
return results.Exists(r => r.Outcome == ScriptOutcome.Failed) ? 1 : 0;
