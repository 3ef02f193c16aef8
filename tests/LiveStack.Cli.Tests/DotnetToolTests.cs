namespace LiveStack.Cli.Tests;

public class DotnetToolTests
{
    [Fact]
    public async Task PackedToolInstallsAndRuns()
    {
        var work = Directory.CreateTempSubdirectory("livestack-tool-");
        try
        {
            var packages = Path.Combine(work.FullName, "packages");
            var tools = Path.Combine(work.FullName, "tools");
            var project = Path.Combine(CliProcess.RepositoryRoot, "src", "LiveStack.Cli", "LiveStack.Cli.csproj");

            // --no-build packs what the test command already built, so this test never races a build.
            await RunAsync("dotnet", "pack", project, "-c", CliProcess.Configuration, "--no-build", "-o", packages);
            await RunAsync("dotnet", "tool", "install", "LiveStack.Cli", "--tool-path", tools, "--add-source", packages, "--ignore-failed-sources");

            using var help = CliProcess.Start(Path.Combine(tools, "livestack"), "serve", "--help");
            var (stdout, _) = await help.WaitForExitAsync(TimeSpan.FromMinutes(1));
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("--rawsocket-port", stdout, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task RunAsync(string fileName, params string[] args)
    {
        using var process = CliProcess.Start(fileName, args);
        var (stdout, stderr) = await process.WaitForExitAsync(TimeSpan.FromMinutes(3));
        Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(' ', args)} failed:\n{stdout}\n{stderr}");
    }
}
