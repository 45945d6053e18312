using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Storage.Redis;

/// <summary>
/// The embedded default: with no Redis configured, the hub runs Debian's <c>redis-server</c> as
/// a child process listening only on a Unix socket (<c>port 0</c>, <c>unixsocketperm 700</c>, in a
/// 0700 directory) with a generated password, its data under <c>.lemegeton/redis/</c> (directory
/// 0700, files 0600, AOF with <c>appendfsync everysec</c>). A server still running from a previous
/// hub is adopted, not started twice.
/// </summary>
public sealed partial class EmbeddedRedis : IAsyncDisposable
{
    /// <summary>Longest socket path used in place; <c>sun_path</c> holds 108 bytes with its NUL.</summary>
    internal const int MaxSocketPathBytes = 100;

    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    private EmbeddedRedis(RedisServerProcess server, bool adopted, ILogger logger, TimeProvider time)
    {
        Server = server;
        Adopted = adopted;
        _logger = logger;
        _time = time;
    }

    public RedisServerProcess Server { get; }

    /// <summary>True when the server was left running by a previous hub and adopted.</summary>
    public bool Adopted { get; }

    public RedisConnectionSettings Connection => Server.Connection;

    /// <summary>
    /// Adopts the running server recorded in <paramref name="dataDirectory"/> or starts a new one.
    /// Returns null (after one clear log line) when <c>redis-server</c> is not on PATH: the hub
    /// then runs isolated on its file journal.
    /// </summary>
    public static async Task<EmbeddedRedis?> StartOrAdoptAsync(
        string dataDirectory, ILogger logger, TimeProvider time, string executable = "redis-server", CancellationToken ct = default)
    {
        var dir = Path.GetFullPath(dataDirectory);
        UnixFiles.CreatePrivateDirectory(dir);
        var password = LoadOrCreatePassword(dir);
        var statePath = Path.Combine(dir, "server.json");
        var socket = SocketPath(dir);

        if (ReadState(statePath) is { } previous)
        {
            if (previous.Socket is null)
            {
                // Recorded by a hub that still ran the server on TCP: stop it (it flushes its AOF) and start ours on the socket.
                if (await RedisServerProcess.StopLeftoverAsync(Options(dir, socket, password, executable), previous.Pid, time).ConfigureAwait(false))
                    LogStoppedTcp(logger, previous.Pid, dir);
            }
            else
            {
                var options = Options(dir, previous.Socket, password, executable);
                if (await RedisServerProcess.TryAdoptAsync(options, previous.Pid, time, ct).ConfigureAwait(false) is { } adopted)
                {
                    LogAdopted(logger, previous.Pid, previous.Socket, dir);
                    return new EmbeddedRedis(adopted, adopted: true, logger, time);
                }
            }
        }

        try
        {
            UnixFiles.CreatePrivateDirectory(Path.GetDirectoryName(socket)!);
            var server = await RedisServerProcess.StartAsync(Options(dir, socket, password, executable), time, ct).ConfigureAwait(false);
            UnixFiles.WritePrivateFile(statePath, JsonSerializer.Serialize(new ServerState(server.ProcessId, socket), StorageJsonContext.Default.ServerState));
            LogStarted(logger, server.ProcessId, socket, dir);
            return new EmbeddedRedis(server, adopted: false, logger, time);
        }
        catch (RedisServerNotFoundException)
        {
            LogNotFound(logger, executable);
            return null;
        }
    }

    /// <summary>
    /// <c>redis.sock</c> in the data directory, unless that path is too long for a Unix socket:
    /// then a 0700 directory under the temp folder named after a hash of the data directory (so
    /// every hub start of this repository finds the same socket). Creating that directory fails
    /// if another user owns it.
    /// </summary>
    internal static string SocketPath(string dir)
    {
        var inPlace = Path.Combine(dir, "redis.sock");
        if (Encoding.UTF8.GetByteCount(inPlace) <= MaxSocketPathBytes) return inPlace;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dir)))[..16];
        return Path.Combine(Path.GetTempPath(), $"lemegeton-redis-{hash}", "redis.sock");
    }

    /// <summary>Stops the server (SIGTERM, so the AOF is flushed) when the hub stops.</summary>
    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync(TimeSpan.FromSeconds(10), _time).ConfigureAwait(false);
        LogStopped(_logger, Server.ProcessId);
    }

    private static RedisServerOptions Options(string dir, string socket, string password, string executable) => new()
    {
        Directory = dir,
        UnixSocket = socket,
        Password = password,
        AppendOnly = true,
        AppendFsync = "everysec",
        Executable = executable,
    };

    private static string LoadOrCreatePassword(string dir)
    {
        var path = Path.Combine(dir, "password");
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 16) return existing;
        }
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        UnixFiles.WritePrivateFile(path, password + "\n");
        return password;
    }

    private static ServerState? ReadState(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), StorageJsonContext.Default.ServerState) : null;
        }
        catch (JsonException) { return null; }
        catch (IOException) { return null; }
    }

    /// <summary>What <c>server.json</c> records: the server's pid and socket (null in files written when the server ran on TCP).</summary>
    internal sealed record ServerState(int Pid, string? Socket);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "No Redis configured and '{Executable}' is not on PATH: running isolated on the local file journal (install redis-server or set lemegeton.redis.url for coordination)")]
    private static partial void LogNotFound(ILogger logger, string executable);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Started embedded redis-server pid {Pid} on Unix socket {Socket} with data in {Directory}")]
    private static partial void LogStarted(ILogger logger, int pid, string socket, string directory);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Adopted embedded redis-server pid {Pid} on Unix socket {Socket} left running in {Directory}")]
    private static partial void LogAdopted(ILogger logger, int pid, string socket, string directory);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Stopped redis-server pid {Pid} left running on TCP in {Directory}; starting it on a Unix socket")]
    private static partial void LogStoppedTcp(ILogger logger, int pid, string directory);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Stopped embedded redis-server pid {Pid}")]
    private static partial void LogStopped(ILogger logger, int pid);
}
