using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Storage.Redis;

/// <summary>
/// The embedded default: with no Redis configured, the hub runs Debian's <c>redis-server</c> as
/// a child process on a free loopback port with a generated password, its data under
/// <c>.lemegeton/redis/</c> (directory 0700, files 0600, AOF with <c>appendfsync everysec</c>).
/// A server still running from a previous hub is adopted, not started twice.
/// </summary>
public sealed partial class EmbeddedRedis : IAsyncDisposable
{
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

        if (ReadState(statePath) is { } previous)
        {
            var options = Options(dir, previous.Port, password, executable);
            if (await RedisServerProcess.TryAdoptAsync(options, previous.Pid, time, ct).ConfigureAwait(false) is { } adopted)
            {
                LogAdopted(logger, previous.Pid, previous.Port, dir);
                return new EmbeddedRedis(adopted, adopted: true, logger, time);
            }
        }

        var port = FreePort.Find();
        try
        {
            var server = await RedisServerProcess.StartAsync(Options(dir, port, password, executable), time, ct).ConfigureAwait(false);
            UnixFiles.WritePrivateFile(statePath, JsonSerializer.Serialize(new ServerState(server.ProcessId, port), StorageJsonContext.Default.ServerState));
            LogStarted(logger, server.ProcessId, port, dir);
            return new EmbeddedRedis(server, adopted: false, logger, time);
        }
        catch (RedisServerNotFoundException)
        {
            LogNotFound(logger, executable);
            return null;
        }
    }

    /// <summary>Stops the server (SIGTERM, so the AOF is flushed) when the hub stops.</summary>
    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync(TimeSpan.FromSeconds(10), _time).ConfigureAwait(false);
        LogStopped(_logger, Server.ProcessId);
    }

    private static RedisServerOptions Options(string dir, int port, string password, string executable) => new()
    {
        Directory = dir,
        Port = port,
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

    internal sealed record ServerState(int Pid, int Port);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "No Redis configured and '{Executable}' is not on PATH: running isolated on the local file journal (install redis-server or set lemegeton.redis.url for coordination)")]
    private static partial void LogNotFound(ILogger logger, string executable);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Started embedded redis-server pid {Pid} on 127.0.0.1:{Port} with data in {Directory}")]
    private static partial void LogStarted(ILogger logger, int pid, int port, string directory);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Adopted embedded redis-server pid {Pid} on 127.0.0.1:{Port} left running in {Directory}")]
    private static partial void LogAdopted(ILogger logger, int pid, int port, string directory);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Stopped embedded redis-server pid {Pid}")]
    private static partial void LogStopped(ILogger logger, int pid);
}
