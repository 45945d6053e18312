using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Agent.Execution;

/// <summary>
/// Runs an assignment's command as <c>setsid /bin/sh -c …</c>: the shell leads its own process group,
/// so a timeout or a revoke stops the whole tree it started (SIGTERM to the group, then SIGKILL after
/// the grace), not just the shell. Output goes straight from the shell to the per-PR log file (the shell
/// redirects itself), so no pipe can keep the agent waiting on a background grandchild. Whatever is
/// left of the group after a normal exit is stopped the same way.
/// </summary>
public sealed partial class CommandRunner
{
    private const string Setsid = "/usr/bin/setsid";
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public CommandRunner(TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
    }

    public async Task<CommandOutcome> RunAsync(CommandSpec spec, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var started = _time.GetTimestamp();
        Directory.CreateDirectory(Path.GetDirectoryName(spec.LogFile)!);
        await File.AppendAllTextAsync(spec.LogFile,
            $"# lemegeton {_time.GetUtcNow():O}: {spec.CommandLine}\n", CancellationToken.None).ConfigureAwait(false);

        var psi = new ProcessStartInfo(File.Exists(Setsid) ? Setsid : "/bin/sh")
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
        };
        if (File.Exists(Setsid)) { psi.ArgumentList.Add("--wait"); psi.ArgumentList.Add("/bin/sh"); }
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"exec >>{ShellQuote.Quote(spec.LogFile)} 2>&1 </dev/null\n{spec.CommandLine}");
        foreach (var (k, v) in spec.Environment) psi.Environment[k] = v;

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("no process was started");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            return new CommandOutcome(null, false, false, _time.GetElapsedTime(started), e.Message);
        }

        using (process)
        {
            var pid = process.Id;
            LogStarted(_logger, pid, spec.CommandLine, spec.LogFile);
            using var timeout = new CancellationTokenSource(spec.Timeout, _time);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellation);
            try
            {
                await process.WaitForExitAsync(either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                var timedOut = timeout.IsCancellationRequested && !cancellation.IsCancellationRequested;
                LogStopping(_logger, pid, timedOut ? "timeout" : "cancelled");
                await StopGroupAsync(process, pid, spec.KillGrace).ConfigureAwait(false);
                await File.AppendAllTextAsync(spec.LogFile,
                    $"# lemegeton {_time.GetUtcNow():O}: stopped ({(timedOut ? $"timeout after {spec.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s" : "work taken back")})\n",
                    CancellationToken.None).ConfigureAwait(false);
                return new CommandOutcome(null, timedOut, !timedOut, _time.GetElapsedTime(started));
            }

            var exit = process.ExitCode;
            // Background processes the command left behind belong to its group: they do not outlive it.
            if (ProcessGroup.Exists(pid)) await StopGroupAsync(process, pid, spec.KillGrace).ConfigureAwait(false);
            await File.AppendAllTextAsync(spec.LogFile, $"# lemegeton {_time.GetUtcNow():O}: exit {exit}\n", CancellationToken.None).ConfigureAwait(false);
            return new CommandOutcome(exit, false, false, _time.GetElapsedTime(started));
        }
    }

    /// <summary>SIGTERM to the group; SIGKILL to whatever is left after <paramref name="grace"/>.</summary>
    private async Task StopGroupAsync(Process process, int pid, TimeSpan grace)
    {
        ProcessGroup.Signal(pid, ProcessGroup.SigTerm);
        var deadline = _time.GetTimestamp();
        while (_time.GetElapsedTime(deadline) < grace)
        {
            if (process.HasExited && !ProcessGroup.Exists(pid)) return;
            // Polling: a group has no handle to wait on. 50 ms is below any grace worth setting.
            await Task.Delay(TimeSpan.FromMilliseconds(50), _time).ConfigureAwait(false);
        }
        if (ProcessGroup.Signal(pid, ProcessGroup.SigKill)) LogKilled(_logger, pid, grace.TotalSeconds);
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } catch (Win32Exception) { }
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Command started (pid {Pid}): {CommandLine}; output in {LogFile}")]
    private static partial void LogStarted(ILogger logger, int pid, string commandLine, string logFile);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Stopping the process group of pid {Pid}: {Why}")]
    private static partial void LogStopping(ILogger logger, int pid, string why);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Process group {Pid} was still running {Grace} s after SIGTERM: sent SIGKILL")]
    private static partial void LogKilled(ILogger logger, int pid, double grace);
}
