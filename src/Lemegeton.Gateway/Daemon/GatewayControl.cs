using System.Diagnostics;
using System.Text.Json;
using Lemegeton.Hub.Daemon;

namespace Lemegeton.Gateway.Daemon;

/// <summary>
/// Starting, finding and stopping the gateway of a repository from the CLI: the same conventions as
/// the hub's (<c>HubLauncher</c>, <c>HubStopper</c>): the background gateway is this program run again
/// with <c>gateway start --foreground --detached</c>; it is ready when it answers <c>/api/status</c> at
/// the URL it wrote with its own PID; stop is SIGTERM, then SIGKILL after the timeout.
/// </summary>
public static class GatewayControl
{
    /// <summary>Starts the gateway in the background and waits until it answers, exits or the timeout passes.</summary>
    /// <param name="fileName">The program (this executable).</param>
    /// <param name="arguments">Arguments that run the gateway in the foreground, detached.</param>
    public static async Task<GatewayCommandResult> StartInBackgroundAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, GatewayPaths paths, string logDirectory, TimeSpan readyTimeout,
        IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        if (await TryStatusAsync(paths, cancellationToken).ConfigureAwait(false) is { } running)
            return new GatewayCommandResult(GatewayExitCodes.AlreadyRunning, running.Pid, $"a gateway is already running in {paths.RepositoryRoot} (pid {running.Pid}, {running.Url})");

        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        if (environment is not null)
            foreach (var (name, value) in environment) psi.Environment[name] = value;

        using var child = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {fileName}");
        child.StandardInput.Close();
        var errors = child.StandardError.ReadToEndAsync(CancellationToken.None);
        _ = child.StandardOutput.ReadToEndAsync(CancellationToken.None);

        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < readyTimeout)
        {
            if (child.HasExited) return await FailedAsync(child, errors, logDirectory).ConfigureAwait(false);
            if (await TryStatusAsync(paths, cancellationToken).ConfigureAwait(false) is { } status && status.Pid == child.Id)
            {
                var log = GatewayPaths.CurrentLogFile(logDirectory, DateTime.Now);
                return new GatewayCommandResult(GatewayExitCodes.Success, child.Id,
                    $"gateway started: pid {child.Id}{Environment.NewLine}  dashboard: {status.Url}{Environment.NewLine}  IPC socket: {paths.Socket}{Environment.NewLine}  log: {log}");
            }
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        if (child.HasExited) return await FailedAsync(child, errors, logDirectory).ConfigureAwait(false);
        Posix.Signal(child.Id, Posix.SigTerm);
        return new GatewayCommandResult(GatewayExitCodes.Failure, child.Id,
            $"gateway (pid {child.Id}) did not answer within {readyTimeout.TotalSeconds:0.#} s and was sent SIGTERM; see its log in {logDirectory}");
    }

    /// <summary>The running gateway's status from <c>/api/status</c> at the URL in <c>gateway.url</c>, or null when none answers.</summary>
    public static async Task<GatewayStatus?> TryStatusAsync(GatewayPaths paths, CancellationToken cancellationToken = default)
    {
        string url;
        try { url = (await File.ReadAllTextAsync(paths.UrlFile, cancellationToken).ConfigureAwait(false)).Trim(); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException) { return null; }
        if (url.Length == 0) return null;

        // Generous: a refused connection (no gateway) fails at once; only a live but busy gateway takes long.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await using var body = await http.GetStreamAsync(new Uri(new Uri(url), "/api/status"), cancellationToken).ConfigureAwait(false);
            using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            var r = doc.RootElement;
            var ipc = r.GetProperty("ipc");
            return new GatewayStatus(
                r.GetProperty("pid").GetInt32(), r.GetProperty("version").GetString() ?? "", r.GetProperty("url").GetString() ?? url,
                r.GetProperty("socket").GetString() ?? paths.Socket, r.GetProperty("uptimeSeconds").GetDouble(),
                r.GetProperty("hubConnected").GetBoolean(), r.GetProperty("browsers").GetInt32(),
                ipc.GetProperty("events").GetInt64(), ipc.GetProperty("duplicates").GetInt64(), ipc.GetProperty("malformed").GetInt64() + ipc.GetProperty("oversize").GetInt64());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException or UriFormatException)
        {
            return null;
        }
    }

    /// <summary>The PID of the running gateway: the one answering at its URL, else the live holder of the PID file.</summary>
    public static async Task<int?> FindRunningAsync(GatewayPaths paths, CancellationToken cancellationToken = default) =>
        (await TryStatusAsync(paths, cancellationToken).ConfigureAwait(false))?.Pid ?? GatewayInstanceLock.RunningPid(paths);

    public static string NotRunningMessage(GatewayPaths paths) => $"no gateway is running in {paths.RepositoryRoot}";

    /// <summary>SIGTERM, wait for the lock to be released; SIGKILL after <paramref name="timeout"/> (and its files removed).</summary>
    public static async Task<GatewayCommandResult> StopAsync(GatewayPaths paths, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (await FindRunningAsync(paths, cancellationToken).ConfigureAwait(false) is not { } pid)
            return new GatewayCommandResult(GatewayExitCodes.NotRunning, null, NotRunningMessage(paths));

        var started = Stopwatch.GetTimestamp();
        if (!Posix.Signal(pid, Posix.SigTerm)) return new GatewayCommandResult(GatewayExitCodes.Success, pid, $"gateway stopped (pid {pid})");
        if (await WaitForExitAsync(paths, pid, timeout, cancellationToken).ConfigureAwait(false))
            return new GatewayCommandResult(GatewayExitCodes.Success, pid, $"gateway stopped (pid {pid}) in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");

        Posix.Signal(pid, Posix.SigKill);
        await WaitForExitAsync(paths, pid, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        if (!GatewayInstanceLock.IsHeld(paths))
        {
            TryDelete(paths.UrlFile);
            if (!Ipc.IpcServer.Answers(paths.Socket)) TryDelete(paths.Socket);
            if (GatewayInstanceLock.ReadPid(paths.PidFile) == pid) TryDelete(paths.PidFile);
        }
        return new GatewayCommandResult(GatewayExitCodes.Killed, pid,
            $"gateway (pid {pid}) did not stop within {timeout.TotalSeconds:0.#} s of SIGTERM and was killed (SIGKILL)");
    }

    private static async Task<bool> WaitForExitAsync(GatewayPaths paths, int pid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < timeout)
        {
            if (File.Exists(paths.LockFile) ? !GatewayInstanceLock.IsHeld(paths) : !Posix.IsAlive(pid)) return true;
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
        return File.Exists(paths.LockFile) ? !GatewayInstanceLock.IsHeld(paths) : !Posix.IsAlive(pid);
    }

    private static async Task<GatewayCommandResult> FailedAsync(Process child, Task<string> errors, string logDirectory)
    {
        await child.WaitForExitAsync().ConfigureAwait(false);
        var reason = (await errors.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false)).Trim();
        if (reason.Length == 0) reason = $"the gateway exited with code {child.ExitCode}; see its log in {logDirectory}";
        var code = child.ExitCode is GatewayExitCodes.AlreadyRunning or GatewayExitCodes.BadConfiguration ? child.ExitCode : GatewayExitCodes.Failure;
        return new GatewayCommandResult(code, null, reason);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
