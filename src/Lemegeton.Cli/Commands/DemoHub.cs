using System.Diagnostics;
using Lemegeton.Hub.Daemon;

namespace Lemegeton.Cli.Commands;

/// <summary>
/// Starts and stops the demo's hub by running this same executable: <c>lemegeton hub start --agents
/// worker:N --exec "&lt;lemegeton&gt; fake-coder"</c>, so the hub spawns and supervises the agents.
/// This is the one place that decides how the demo's agents run.
/// </summary>
public static class DemoHub
{
    /// <summary>The arguments of the <c>hub start</c> that runs the demo's hub and its <paramref name="agents"/> fake-coder workers.</summary>
    public static IReadOnlyList<string> StartArguments(int agents, HubExecutable lemegeton) =>
        // Port 0: the demo's hub never collides with a hub already running on this machine (the agents read the bound address).
        ["hub", "start", "--agents", $"worker:{agents}", "--exec", FakeCoderCommand(lemegeton), "--set", "akka.remote.dot-netty.tcp.port=0"];

    /// <summary>How long the fake coder works on each PR: long enough to watch, and to kill an agent mid-PR.</summary>
    public const string FakeCoderDelay = "1s";

    /// <summary>The agents' command template (run by <c>/bin/sh</c>): the built-in fake coder of this same executable, quoted for the shell.</summary>
    public static string FakeCoderCommand(HubExecutable lemegeton) =>
        string.Join(' ', lemegeton.PrefixArguments.Prepend(lemegeton.FileName).Select(ShellQuote).Append("fake-coder").Append("--delay").Append(FakeCoderDelay));

    /// <summary>Runs <c>lemegeton args…</c> in <paramref name="directory"/> and waits (bounded); returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(HubExecutable lemegeton, string directory, IReadOnlyList<string> args, TimeSpan bound)
    {
        var start = new ProcessStartInfo(lemegeton.FileName)
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var a in lemegeton.PrefixArguments.Concat(args)) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {lemegeton.FileName}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"lemegeton {string.Join(' ', args.Take(2))} did not finish within {bound.TotalSeconds:0} s");
        }
        return (process.ExitCode, ((await output.ConfigureAwait(false)) + (await error.ConfigureAwait(false))).Trim());
    }

    internal static string ShellQuote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '=' or '+')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
