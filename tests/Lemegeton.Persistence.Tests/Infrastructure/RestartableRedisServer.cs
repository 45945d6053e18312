using System.Diagnostics;
using StackExchange.Redis;

namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> on a Unix socket in a private (0700) temporary directory, which a test
/// can kill with SIGKILL and start again on the same directory and socket. By default it has the
/// hub's shipped durability settings (AOF on, <c>appendfsync everysec</c>); with
/// <c>appendOnly: false</c> it keeps no persistence files (<see cref="RedisServerFixture"/>).
/// </summary>
public sealed class RestartableRedisServer(bool appendOnly = true, TimeSpan? startTimeout = null) : IAsyncDisposable
{
    private readonly TimeSpan _startTimeout = startTimeout ?? TimeSpan.FromSeconds(30);
    private Process? _server;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), (appendOnly ? "lemegeton-redis-aof-" : "lemegeton-redis-") + Guid.NewGuid().ToString("N")[..10]);

    public string SocketPath => Path.Combine(Directory, "redis.sock");

    public async Task StartAsync()
    {
        System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var psi = new ProcessStartInfo("redis-server")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory,
        };
        string[] persistence = appendOnly ? ["--appendonly", "yes", "--appendfsync", "everysec"] : ["--appendonly", "no"];
        foreach (var arg in (string[])
                 [
                     "--port", "0", "--unixsocket", SocketPath, "--unixsocketperm", "700",
                     "--save", "", .. persistence, "--dir", Directory, "--loglevel", "notice",
                 ])
        {
            psi.ArgumentList.Add(arg);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var server = new Process { StartInfo = psi, EnableRaisingEvents = true };
        server.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            log.Enqueue(e.Data);
            if (e.Data.Contains("ready to accept connections", StringComparison.OrdinalIgnoreCase)) ready.TrySetResult();
        };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        server.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("redis-server exited during start:\n" + string.Join('\n', log)));
        server.Start();
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        _server = server;
        await ready.Task.WaitAsync(_startTimeout);
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Linux): no shutdown, no final AOF rewrite.</summary>
    public async Task KillAsync()
    {
        if (_server is null) return;
        if (!_server.HasExited) _server.Kill();
        await _server.WaitForExitAsync();
        _server.Dispose();
        _server = null;
    }

    /// <summary>A new admin connection to the running server (the caller disposes it).</summary>
    public async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var options = new ConfigurationOptions { AllowAdmin = true, AbortOnConnectFail = true, ClientName = "lemegeton-persistence-tests" };
        options.EndPoints.Add(new System.Net.Sockets.UnixDomainSocketEndPoint(SocketPath));
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind harms nothing.
        }
    }
}
