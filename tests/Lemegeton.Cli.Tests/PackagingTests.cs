using System.Diagnostics;

namespace Lemegeton.Cli.Tests;

/// <summary>
/// The README's install: <c>dotnet pack</c> the CLI, then <c>dotnet tool install</c> from that folder with
/// every other feed ignored (offline), and run the installed <c>lemegeton</c>.
/// </summary>
public sealed class PackagingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lmg-pack-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_cli_packs_as_a_dotnet_tool_that_installs_offline_from_its_folder_and_runs()
    {
        var packages = Path.Combine(_dir, "artifacts");
        var tools = Path.Combine(_dir, "tools");
        var project = Path.Combine(RepoRoot(), "src", "Lemegeton.Cli", "Lemegeton.Cli.csproj");

        // --no-build: the suite runs on the Release build ./test.sh made; packing must not rebuild under the running tests.
        var pack = await Run("dotnet", "pack", project, "-c", "Release", "--no-build", "-o", packages);
        Assert.True(pack.Code == 0, pack.Output);
        Assert.Single(Directory.GetFiles(packages, "lemegeton.*.nupkg"));

        var install = await Run("dotnet", "tool", "install", "lemegeton", "--tool-path", tools, "--add-source", packages, "--ignore-failed-sources");
        Assert.True(install.Code == 0, install.Output);

        var version = await Run(Path.Combine(tools, "lemegeton"), "--version");
        Assert.True(version.Code == 0, version.Output);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output.Trim());
        var help = await Run(Path.Combine(tools, "lemegeton"), "hub", "start", "--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("--agents", help.Output);
    }

    private async Task<(int Code, string Output)> Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(4));
        return (p.ExitCode, await output + await error);
    }

    private static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Lemegeton.sln"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("repository root not found");
    }
}
