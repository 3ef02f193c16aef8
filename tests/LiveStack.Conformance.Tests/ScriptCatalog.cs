using LiveStack.Conformance.Scripts;

namespace LiveStack.Conformance.Tests;

/// <summary>The scripts shipped with the runner, loaded once from the test's output folder.</summary>
public static class ScriptCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, ConformanceScript>> Scripts = new(() =>
        ScriptLoader.LoadDirectory(Directory).ToDictionary(s => s.Name, StringComparer.Ordinal));

    /// <summary>Where the scripts are copied.</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "scripts");

    /// <summary>Every script name.</summary>
    public static IEnumerable<string> Names => Scripts.Value.Keys;

    /// <summary>A script by name.</summary>
    public static ConformanceScript Get(string name) => Scripts.Value[name];

    /// <summary>The names of the scripts in one folder, as theory data (one test case per script).</summary>
    public static TheoryData<string> In(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var name in Names.Where(n => n.StartsWith(folder + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }
}
