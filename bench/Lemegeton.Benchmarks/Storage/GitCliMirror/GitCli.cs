using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Lemegeton.Benchmarks.Storage.GitCliMirror;

/// <summary>
/// Runs the <c>git</c> executable in one repository: no shell, arguments passed as a list,
/// a timeout per command (the process is killed when it expires), stderr in every error.
/// </summary>
public sealed class GitCli(string workingDirectory, TimeSpan timeout, string executable = "git")
{
    public string WorkingDirectory { get; } = Path.GetFullPath(workingDirectory);

    /// <summary>Runs git and throws <see cref="GitCommandException"/> unless it exits with 0.</summary>
    public async Task<string> RunAsync(IReadOnlyList<string> args, string? stdin = null, IReadOnlyDictionary<string, string>? environment = null, CancellationToken ct = default)
    {
        var result = await TryRunAsync(args, stdin, environment, ct).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new GitCommandException(
                $"git {string.Join(' ', args)} failed in {WorkingDirectory} with exit code {result.ExitCode}: {result.StandardError.Trim()}",
                result.ExitCode, result.StandardError);
        return result.StandardOutput;
    }

    /// <summary>Runs git and returns its exit code and output, whatever they are.</summary>
    public async Task<GitResult> TryRunAsync(IReadOnlyList<string> args, string? stdin = null, IReadOnlyDictionary<string, string>? environment = null, CancellationToken ct = default)
    {
        var psi = new ProcessStartInfo(executable)
        {
            WorkingDirectory = WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // Never wait for a human: no editor, no credential or terminal prompt, stable output.
        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        psi.Environment["GIT_EDITOR"] = "true";
        psi.Environment["LC_ALL"] = "C";
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;

        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new GitCommandException($"'{executable}' could not be started ({ex.Message}): install git or put it on PATH.", -1, "");
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            if (stdin is not null)
            {
                var bytes = new UTF8Encoding(false).GetBytes(stdin);
                await process.StandardInput.BaseStream.WriteAsync(bytes, cts.Token).ConfigureAwait(false);
            }
            process.StandardInput.Close();
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            return new GitResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new GitCommandException($"git {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0.#} s in {WorkingDirectory} and was killed.", -1, "");
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw;
        }
    }
}
