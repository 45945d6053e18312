using System.Diagnostics;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Lemegeton.Benchmarks.Persistence;

/// <summary>
/// A private redis-server for the persistence benchmarks: Unix socket only, in a 0700 temp
/// directory, AOF on with <c>appendfsync everysec</c> (the hub's embedded default).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PersistenceRedisServer : IAsyncDisposable
{
    private Process? _process;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "lemegeton-bench-persistence-" + Guid.NewGuid().ToString("N")[..10]);

    public string SocketPath => Path.Combine(Directory, "redis.sock");

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task StartAsync()
    {
        System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var psi = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Directory };
        foreach (var arg in new[] { "--port", "0", "--unixsocket", SocketPath, "--unixsocketperm", "700", "--save", "", "--appendonly", "yes", "--appendfsync", "everysec", "--dir", Directory })
            psi.ArgumentList.Add(arg);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = psi };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("ready to accept connections", StringComparison.OrdinalIgnoreCase) == true) ready.TrySetResult();
        };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var options = new ConfigurationOptions { AllowAdmin = true };
        options.EndPoints.Add(new UnixDomainSocketEndPoint(SocketPath));
        Connection = await ConnectionMultiplexer.ConnectAsync(options);
    }

    public async ValueTask DisposeAsync()
    {
        Connection?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
