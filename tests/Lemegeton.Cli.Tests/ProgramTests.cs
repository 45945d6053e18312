using System.Diagnostics;

namespace Lemegeton.Cli.Tests;

/// <summary>The built executable, run as a real process.</summary>
public sealed class ProgramTests
{
    [Trait("Category", "Slow")]
    [Fact]
    public void The_executable_validates_a_file_and_sets_its_exit_code()
    {
        using var dir = new TempTaskList();
        var good = dir.Write(TempTaskList.List(TempTaskList.Pr("PR-001")), "good.md");
        var bad = dir.Write(TempTaskList.List(TempTaskList.Pr("PR-001", "[PR-009]")), "bad.md");
        Assert.Equal((0, true), Run(good));
        var (code, _) = Run(bad);
        Assert.Equal(1, code);

        static (int, bool) Run(string path)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "lemegeton.dll");
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { dll, "tasks", "validate", path }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, output.Contains("valid, 1 PR"));
        }
    }
}
