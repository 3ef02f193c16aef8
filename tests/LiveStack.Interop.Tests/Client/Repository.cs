using System.Reflection;

namespace LiveStack.Interop.Tests.Client;

/// <summary>Paths in the source tree and in the build output of its other projects.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    /// <summary>The folder holding LiveStack.sln.</summary>
    public static string Root => RootDirectory.Value;

    /// <summary>tests/interop, with its node_modules installed.</summary>
    public static string InteropDirectory
    {
        get
        {
            var interop = Path.Combine(Root, "tests", "interop");
            return Directory.Exists(Path.Combine(interop, "node_modules"))
                ? interop
                : throw new InvalidOperationException($"{interop}/node_modules is missing: run `npm install` there (tests/run.sh does).");
        }
    }

    /// <summary>
    /// The configuration these tests were built in, from their own output path (bin/&lt;Configuration&gt;/net10.0);
    /// the projects they run were built in the same one, as build dependencies of this project.
    /// </summary>
    public static string Configuration { get; } = FindConfiguration();

    /// <summary>The built <c>livestack</c> CLI.</summary>
    public static string CliDll => Built(Path.Combine(Root, "src", "LiveStack.Cli", "bin", Configuration, "net10.0", "livestack.dll"));

    /// <summary>The built samples/HelloWorld app.</summary>
    public static string HelloWorldDll => Built(Path.Combine(Root, "samples", "HelloWorld", "bin", Configuration, "net10.0", "HelloWorld.dll"));

    private static string Built(string path) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build LiveStack.sln with -c {Configuration} first.");

    private static string FindConfiguration()
    {
        var framework = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        if (framework.Parent is { Parent.Name: "bin" } configuration)
        {
            return configuration.Name;
        }

        return typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LiveStack.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No LiveStack.sln above {AppContext.BaseDirectory}.");
    }
}
