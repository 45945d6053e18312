using System.Diagnostics;
using Lemegeton.Hub.Admin;

namespace Lemegeton.Hub.Daemon;

/// <summary>
/// Starts the hub in the background: runs this program again as <c>hub start --foreground
/// --detached</c> (the child leaves the terminal's session with setsid), then waits until the child
/// answers on its admin socket, or exits, or the ready timeout passes.
/// </summary>
public static class HubLauncher
{
    public static async Task<HubLaunchResult> StartInBackgroundAsync(HubLaunchRequest request, CancellationToken cancellationToken = default)
    {
        if (await TryStatusAsync(request.Paths, cancellationToken).ConfigureAwait(false) is { } running)
            return new HubLaunchResult(HubExitCodes.AlreadyRunning, running.Pid, $"a hub is already running in {request.Paths.RepositoryRoot} (pid {running.Pid})");

        var psi = new ProcessStartInfo(request.Executable.FileName)
        {
            WorkingDirectory = request.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in request.Executable.PrefixArguments.Concat(request.Arguments)) psi.ArgumentList.Add(argument);
        if (request.Environment is not null)
            foreach (var (name, value) in request.Environment) psi.Environment[name] = value;

        using var child = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {request.Executable.FileName}");
        child.StandardInput.Close();
        // Until it is ready the child reports failures on standard error; afterwards it writes to its log only.
        var errors = child.StandardError.ReadToEndAsync(CancellationToken.None);
        _ = child.StandardOutput.ReadToEndAsync(CancellationToken.None);

        var deadline = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(deadline) < request.ReadyTimeout)
        {
            if (child.HasExited) return await Failed(child, errors, request).ConfigureAwait(false);
            if (await TryStatusAsync(request.Paths, cancellationToken).ConfigureAwait(false) is { } status && status.Pid == child.Id)
            {
                var log = HubPaths.CurrentLogFile(request.LogDirectory, DateTime.Now);
                return new HubLaunchResult(HubExitCodes.Success, child.Id,
                    $"hub started: pid {child.Id}{Environment.NewLine}  admin socket: {request.Paths.AdminSocket}{Environment.NewLine}  log: {log}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        if (child.HasExited) return await Failed(child, errors, request).ConfigureAwait(false);
        Posix.Signal(child.Id, Posix.SigTerm);
        return new HubLaunchResult(HubExitCodes.Failure, child.Id,
            $"hub (pid {child.Id}) did not answer on {request.Paths.AdminSocket} within {request.ReadyTimeout.TotalSeconds:0.#} s and was sent SIGTERM; see its log in {request.LogDirectory}");
    }

    /// <summary>The status of the hub that answers on the repository's admin socket, or null when none answers.</summary>
    public static async Task<HubStatus?> TryStatusAsync(HubPaths paths, CancellationToken cancellationToken = default)
    {
        using var client = new HubAdminClient(paths.AdminSocket, TimeSpan.FromSeconds(2));
        try
        {
            return await client.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HubNotRunningException) { return null; }
        catch (HttpRequestException) { return null; }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { return null; }
    }

    private static async Task<HubLaunchResult> Failed(Process child, Task<string> errors, HubLaunchRequest request)
    {
        await child.WaitForExitAsync().ConfigureAwait(false);
        var reason = (await errors.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false)).Trim();
        if (reason.Length == 0) reason = $"the hub exited with code {child.ExitCode}; see its log in {request.LogDirectory}";
        var code = child.ExitCode is HubExitCodes.AlreadyRunning or HubExitCodes.BadConfiguration ? child.ExitCode : HubExitCodes.Failure;
        return new HubLaunchResult(code, null, reason);
    }
}
