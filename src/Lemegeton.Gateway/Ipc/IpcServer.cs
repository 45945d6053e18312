using System.Net.Sockets;
using System.Text;
using Lemegeton.Hub.Daemon;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Gateway.Ipc;

/// <summary>
/// The gateway's Unix socket for hubs. On start it refuses a path where a live gateway answers,
/// removes a stale socket file (nothing listening), binds inside the private 0700 run folder, makes
/// the socket 0600 and renames it into place, so no other user can ever connect. Accepts any number
/// of clients, each served by an <see cref="IpcConnection"/>; removes the socket when it stops.
/// </summary>
public sealed class IpcServer(GatewayPaths paths, GatewayRouter router, ILogger<IpcServer> logger, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _connections = [];
    private readonly Lock _gate = new();
    private Socket? _listener;
    private Task? _accept;
    private long _ids;

    public string SocketPath => paths.Socket;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var length = Encoding.UTF8.GetByteCount(paths.Socket);
        if (length > GatewayPaths.MaxSocketPathBytes)
            throw new InvalidOperationException($"the IPC socket path {paths.Socket} is {length} bytes long; Unix sockets allow {GatewayPaths.MaxSocketPathBytes}. Set lemegeton.gateway.socket to a shorter path.");

        if (File.Exists(paths.Socket) || Directory.Exists(paths.Socket))
        {
            if (Answers(paths.Socket)) throw new GatewayAlreadyRunningException(paths.Socket);
            File.Delete(paths.Socket);
            GatewayLog.StaleSocketRemoved(logger, paths.Socket);
        }

        Posix.CreatePrivateDirectory(paths.PrivateRunDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(paths.Socket)!);
        var bind = paths.BindPath;
        if (File.Exists(bind)) File.Delete(bind);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(bind));
            File.SetUnixFileMode(bind, Posix.PrivateFile);
            listener.Listen(64);
            // Still checked just before the move: the rename would replace a socket a gateway of another repository just bound.
            if (File.Exists(paths.Socket) && Answers(paths.Socket)) throw new GatewayAlreadyRunningException(paths.Socket);
            File.Move(bind, paths.Socket, overwrite: true);
        }
        catch
        {
            listener.Dispose();
            if (File.Exists(bind)) File.Delete(bind);
            throw;
        }

        _listener = listener;
        _accept = AcceptAsync(listener, _stopping.Token);
        GatewayLog.IpcListening(logger, paths.Socket);
        return Task.CompletedTask;
    }

    /// <summary>True when something accepts connections on <paramref name="path"/>.</summary>
    public static bool Answers(string path)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException) { return false; }
    }

    private async Task AcceptAsync(Socket listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (stopping.IsCancellationRequested) return;
                continue;
            }

            router.Counters.Connection();
            var connection = new IpcConnection(Interlocked.Increment(ref _ids), client, router, logger, time);
            GatewayLog.IpcClientConnected(logger, connection.ClientId);
            var task = Task.Run(() => connection.RunAsync(stopping), CancellationToken.None);
            lock (_gate)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(task);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        Task[] running;
        lock (_gate) running = [.. _connections];
        try
        {
            await Task.WhenAll(running.Append(_accept ?? Task.CompletedTask)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) { }
        if (_listener is not null)
        {
            try { File.Delete(paths.Socket); } catch (IOException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested) await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }
}
