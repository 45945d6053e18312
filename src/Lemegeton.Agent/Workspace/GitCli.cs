using System.ComponentModel;
using System.Diagnostics;

namespace Lemegeton.Agent.Workspace;

/// <summary>Runs the <c>git</c> executable (the agents' tools use it too, so it is there); output captured.</summary>
public static class GitCli
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public bool Ok => ExitCode == 0;
    }

    public static async Task<Result> RunAsync(string directory, IEnumerable<string> args, CancellationToken cancellation = default)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        Process process;
        try { process = Process.Start(psi)!; }
        catch (Win32Exception e) { return new Result(127, "", $"git could not be started: {e.Message}"); }
        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellation);
            var error = process.StandardError.ReadToEndAsync(cancellation);
            await process.WaitForExitAsync(cancellation).ConfigureAwait(false);
            return new Result(process.ExitCode, (await output.ConfigureAwait(false)).Trim(), (await error.ConfigureAwait(false)).Trim());
        }
    }

    public static Task<Result> RunAsync(string directory, params string[] args) => RunAsync(directory, (IEnumerable<string>)args);

    /// <summary>The commit HEAD points at, or null (no commits yet, or not a repository).</summary>
    public static async Task<string?> HeadAsync(string directory)
    {
        var r = await RunAsync(directory, "rev-parse", "--verify", "-q", "HEAD").ConfigureAwait(false);
        return r.Ok && r.Output.Length > 0 ? r.Output : null;
    }

    /// <summary>The checked-out branch's short name, or null on a detached HEAD.</summary>
    public static async Task<string?> BranchAsync(string directory)
    {
        var r = await RunAsync(directory, "symbolic-ref", "-q", "--short", "HEAD").ConfigureAwait(false);
        return r.Ok && r.Output.Length > 0 ? r.Output : null;
    }
}
