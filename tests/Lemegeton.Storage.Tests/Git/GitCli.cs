using System.Diagnostics;
using System.Text;

namespace Lemegeton.Storage.Tests.Git;

/// <summary>
/// The real <c>git</c> executable, for tests: it sets repositories up and is the independent
/// witness of what the in-process mirror did (status, diffs, blob bytes). No shell, arguments as a
/// list, killed after the timeout.
/// </summary>
public sealed class GitCli(string workingDirectory, TimeSpan timeout)
{
    public string WorkingDirectory { get; } = Path.GetFullPath(workingDirectory);

    /// <summary>Runs git; throws with the command line and stderr unless it exits with 0.</summary>
    public async Task<string> RunAsync(IReadOnlyList<string> args)
    {
        var result = await TryRunAsync(args);
        return result.Succeeded ? result.StandardOutput : throw Failed(args, result.ExitCode, result.StandardError);
    }

    /// <summary>Runs git and returns its standard output as bytes, exactly as git wrote them.</summary>
    public async Task<byte[]> RunBytesAsync(IReadOnlyList<string> args)
    {
        var (exit, stdout, stderr) = await RunRawAsync(args);
        return exit == 0 ? stdout : throw Failed(args, exit, stderr);
    }

    public async Task<GitResult> TryRunAsync(IReadOnlyList<string> args)
    {
        var (exit, stdout, stderr) = await RunRawAsync(args);
        return new GitResult(exit, new UTF8Encoding(false).GetString(stdout), stderr);
    }

    private async Task<(int Exit, byte[] Stdout, string Stderr)> RunRawAsync(IReadOnlyList<string> args)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        psi.Environment["GIT_EDITOR"] = "true";
        psi.Environment["LC_ALL"] = "C";
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout, cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            await copy;
            return (process.ExitCode, stdout.ToArray(), await stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"git {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0.#} s in {WorkingDirectory}.");
        }
    }

    private InvalidOperationException Failed(IReadOnlyList<string> args, int exit, string stderr) =>
        new($"git {string.Join(' ', args)} failed in {WorkingDirectory} with exit code {exit}: {stderr.Trim()}");
}
