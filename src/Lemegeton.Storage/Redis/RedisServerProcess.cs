using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Lemegeton.Storage.Redis;

/// <summary>
/// A <c>redis-server</c> process with a password, listening on a private Unix socket (the
/// embedded server) or on a loopback TCP port (tests that need TCP): started as a child process
/// from a private config file (so the password never appears on a command line), or adopted by
/// pid when a previous hub left it running. The hub's embedded server and the test fixture both
/// use this class.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly Process? _child;

    private RedisServerProcess(RedisServerOptions options, int pid, Process? child)
    {
        Options = options;
        ProcessId = pid;
        _child = child;
    }

    public RedisServerOptions Options { get; }
    public int ProcessId { get; }
    public int Port => Options.Port;

    /// <summary>The Unix socket, or null for a TCP server.</summary>
    public string? UnixSocket => Options.UnixSocket;

    /// <summary>Where clients connect.</summary>
    public RedisConnectionSettings Connection => Options.UnixSocket is { } socket
        ? RedisConnectionSettings.ForUnixSocket(socket, Options.Password)
        : new(Options.Bind, Options.Port, Options.Password, 0);

    /// <summary>The listening address, for messages.</summary>
    public string Address => Options.UnixSocket ?? $"{Options.Bind}:{Options.Port}";

    public string ConfigPath => Path.Combine(Options.Directory, "redis.conf");
    public string PidPath => Path.Combine(Options.Directory, "redis.pid");
    public string LogPath => Path.Combine(Options.Directory, "redis.log");

    public bool HasExited => _child is not null ? _child.HasExited : !UnixFiles.IsAlive(ProcessId);

    /// <summary>
    /// Starts the server and waits for its first PONG. Throws <see cref="RedisServerNotFoundException"/>
    /// when the executable is not on PATH, <see cref="RedisServerStartException"/> (with the tail
    /// of its log) when it does not come up.
    /// </summary>
    public static async Task<RedisServerProcess> StartAsync(RedisServerOptions options, TimeProvider time, CancellationToken ct = default)
    {
        UnixFiles.CreatePrivateDirectory(options.Directory);
        var config = BuildConfig(options);
        var configPath = Path.Combine(options.Directory, "redis.conf");
        UnixFiles.WritePrivateFile(configPath, config);

        var psi = new ProcessStartInfo(options.Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = options.Directory,
        };
        psi.ArgumentList.Add(configPath);
        Process child;
        try
        {
            child = Process.Start(psi) ?? throw new RedisServerStartException($"'{options.Executable}' did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new RedisServerNotFoundException(options.Executable, ex);
        }
        // The server logs to a file; drain the pipes anyway so a chatty build never blocks on them.
        child.OutputDataReceived += static (_, _) => { };
        child.ErrorDataReceived += static (_, _) => { };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();

        var server = new RedisServerProcess(options, child.Id, child);
        try
        {
            await server.WaitReadyAsync(options.StartTimeout, time, ct).ConfigureAwait(false);
        }
        catch
        {
            server.Kill();
            throw;
        }
        return server;
    }

    /// <summary>
    /// Adopts a server left running by a previous hub: the pid must be alive, be a
    /// <c>redis-server</c> running in this data directory, and answer PING with this
    /// password on this socket or port (it may still be loading its AOF, so it gets a few seconds). One that
    /// is ours but never answers is stopped, so two servers never share a data directory.
    /// Returns null when there is nothing to adopt.
    /// </summary>
    public static async Task<RedisServerProcess?> TryAdoptAsync(RedisServerOptions options, int pid, TimeProvider time, CancellationToken ct = default)
    {
        if (pid <= 0 || !UnixFiles.IsAlive(pid) || !IsStartedIn(pid, options.Directory)) return null;
        var server = new RedisServerProcess(options, pid, child: null);
        var deadline = time.GetTimestamp() + (long)(options.StartTimeout.TotalSeconds * time.TimestampFrequency);
        do
        {
            if (await server.PingAsync(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false)) return server;
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, ct).ConfigureAwait(false);
        } while (time.GetTimestamp() < deadline && !server.HasExited);
        await server.StopAsync(TimeSpan.FromSeconds(5), time).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Stops (SIGTERM, then SIGKILL after the grace period) a redis-server left running in this
    /// data directory that is not to be adopted (e.g. one an older hub started on TCP).
    /// Returns false when the pid is not such a server.
    /// </summary>
    public static async Task<bool> StopLeftoverAsync(RedisServerOptions options, int pid, TimeProvider time)
    {
        if (pid <= 0 || !UnixFiles.IsAlive(pid) || !IsStartedIn(pid, options.Directory)) return false;
        await new RedisServerProcess(options, pid, child: null).StopAsync(TimeSpan.FromSeconds(10), time).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// True when the process is a redis-server running in this data directory (we start it with
    /// the directory as its working directory; Redis rewrites its command line, so that is what
    /// identifies it). A pid reused by another program does not match.
    /// </summary>
    private static bool IsStartedIn(int pid, string directory)
    {
        try
        {
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
            var cwd = Directory.ResolveLinkTarget($"/proc/{pid}/cwd", returnFinalTarget: false)?.FullName;
            return cmdline.StartsWith("redis-server", StringComparison.Ordinal)
                && cwd is not null
                && Path.TrimEndingDirectorySeparator(cwd) == Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>SIGKILL: the server dies at once, losing whatever its fsync policy had not written.</summary>
    public void Kill()
    {
        try
        {
            if (_child is not null) { if (!_child.HasExited) _child.Kill(); _child.WaitForExit(5000); }
            else Process.GetProcessById(ProcessId).Kill();
        }
        catch (InvalidOperationException) { }
        catch (ArgumentException) { }
        catch (Win32Exception) { }
    }

    /// <summary>SIGTERM (Redis flushes its AOF and exits), then SIGKILL if it is still there after the grace period.</summary>
    public async Task StopAsync(TimeSpan grace, TimeProvider time)
    {
        if (HasExited) return;
        UnixFiles.Signal(ProcessId, UnixFiles.SigTerm);
        var deadline = time.GetTimestamp() + (long)(grace.TotalSeconds * time.TimestampFrequency);
        while (!HasExited && time.GetTimestamp() < deadline)
        {
            if (_child is not null)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100), time);
                try { await _child.WaitForExitAsync(cts.Token).ConfigureAwait(false); } catch (OperationCanceledException) { }
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), time).ConfigureAwait(false);
            }
        }
        if (!HasExited) Kill();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5), TimeProvider.System).ConfigureAwait(false);
        _child?.Dispose();
    }

    /// <summary>Sends AUTH + PING over a raw socket: true on PONG within the timeout.</summary>
    public async Task<bool> PingAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            using var socket = Options.UnixSocket is not null
                ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            if (Options.UnixSocket is { } unix)
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(unix), cts.Token).ConfigureAwait(false);
            else
                await socket.ConnectAsync(Options.Bind, Options.Port, cts.Token).ConfigureAwait(false);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var request = Resp("AUTH", Options.Password) + Resp("PING");
            await stream.WriteAsync(Encoding.UTF8.GetBytes(request), cts.Token).ConfigureAwait(false);
            var buffer = new byte[256];
            var text = new StringBuilder();
            while (!text.ToString().Contains("PONG", StringComparison.Ordinal))
            {
                var n = await stream.ReadAsync(buffer, cts.Token).ConfigureAwait(false);
                if (n == 0) return false;
                text.Append(Encoding.UTF8.GetString(buffer, 0, n));
                // A "-LOADING" or "-WRONGPASS" reply means not ready (or not ours).
                if (text.Length > 0 && text[0] == '-') return false;
            }
            return true;
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        var deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (_child is { HasExited: true })
                throw new RedisServerStartException($"redis-server exited with code {_child.ExitCode} during start; its log {LogPath} says: {LogTail()}");
            if (await PingAsync(TimeSpan.FromMilliseconds(500), ct).ConfigureAwait(false)) return;
            if (time.GetTimestamp() > deadline)
                throw new RedisServerStartException($"redis-server on {Address} did not answer PING within {timeout.TotalSeconds:0.#} s; its log {LogPath} says: {LogTail()}");
            await Task.Delay(TimeSpan.FromMilliseconds(20), time, ct).ConfigureAwait(false);
        }
    }

    private string LogTail()
    {
        try
        {
            var lines = File.ReadAllLines(LogPath);
            return string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - 5)));
        }
        catch (IOException) { return "(no log)"; }
        catch (UnauthorizedAccessException) { return "(log unreadable)"; }
    }

    private static string BuildConfig(RedisServerOptions o)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# Written by Lemegeton for its private redis-server; regenerated at every start.");
        if (o.UnixSocket is { } socket)
        {
            // No TCP listener at all: only processes of this user reach the socket (0700, in a 0700 directory).
            sb.AppendLine("port 0");
            sb.AppendLine(inv, $"unixsocket {Quote(socket)}");
            sb.AppendLine("unixsocketperm 700");
        }
        else
        {
            sb.AppendLine(inv, $"bind {o.Bind}");
            sb.AppendLine(inv, $"port {o.Port}");
        }
        sb.AppendLine("protected-mode yes");
        sb.AppendLine(inv, $"requirepass {Quote(o.Password)}");
        sb.AppendLine(inv, $"dir {Quote(o.Directory)}");
        sb.AppendLine("daemonize no");
        sb.AppendLine(inv, $"pidfile {Quote(Path.Combine(o.Directory, "redis.pid"))}");
        sb.AppendLine(inv, $"logfile {Quote(Path.Combine(o.Directory, "redis.log"))}");
        sb.AppendLine("save \"\"");
        sb.AppendLine(o.AppendOnly ? "appendonly yes" : "appendonly no");
        sb.AppendLine(inv, $"appendfsync {o.AppendFsync}");
        foreach (var line in o.ExtraConfig) sb.AppendLine(line);
        return sb.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Resp(params string[] parts)
    {
        var sb = new StringBuilder();
        sb.Append('*').Append(parts.Length).Append("\r\n");
        foreach (var p in parts)
            sb.Append('$').Append(Encoding.UTF8.GetByteCount(p)).Append("\r\n").Append(p).Append("\r\n");
        return sb.ToString();
    }
}

/// <summary>There is no <c>redis-server</c> executable where we looked.</summary>
public sealed class RedisServerNotFoundException(string executable, Exception inner)
    : Exception($"'{executable}' was not found on PATH: install it (Debian: apt-get install redis-server) or configure lemegeton.redis.url.", inner);

/// <summary>The server started but never became ready.</summary>
public sealed class RedisServerStartException(string message) : Exception(message);
