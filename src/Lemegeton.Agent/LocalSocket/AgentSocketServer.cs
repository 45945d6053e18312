using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Agent.LocalSocket;

/// <summary>
/// The agent's local socket: a Unix stream socket, mode 0600 (bound inside a 0700 folder, so it is
/// never reachable by others even for a moment), speaking one JSON <see cref="LocalRequest"/> per line
/// and answering one JSON <see cref="LocalReply"/> per line; a connection may carry many requests.
/// A malformed line is answered with <c>bad-request</c>, never a crash.
/// </summary>
public sealed partial class AgentSocketServer : IAsyncDisposable
{
    /// <summary>Longest request line accepted.</summary>
    public const int MaxLineBytes = 1 << 20;

    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly Socket _listener;
    private readonly Func<LocalRequest, CancellationToken, Task<LocalReply>> _handler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private AgentSocketServer(string path, Socket listener, Func<LocalRequest, CancellationToken, Task<LocalReply>> handler, ILogger logger)
    {
        Path = path;
        _listener = listener;
        _handler = handler;
        _logger = logger;
        _accepting = Task.Run(AcceptLoopAsync);
    }

    public string Path { get; }

    public static AgentSocketServer Start(string path, Func<LocalRequest, CancellationToken, Task<LocalReply>> handler, ILogger logger)
    {
        var directory = System.IO.Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory, PrivateDirectory);
        File.SetUnixFileMode(directory, PrivateDirectory);
        if (File.Exists(path)) File.Delete(path); // a socket left by a killed agent
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            listener.Listen(16);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        return new AgentSocketServer(path, listener, handler, logger);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException e) { LogAcceptFailed(_logger, e.Message); continue; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using var _ = client;
        await using var stream = new NetworkStream(client, ownsSocket: false);
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var line = await ReadLineAsync(reader).ConfigureAwait(false);
                if (line is null) return;
                if (line.Length == 0) continue;
                var reply = await HandleAsync(line).ConfigureAwait(false);
                await writer.WriteLineAsync(JsonSerializer.Serialize(reply, LocalSocketJsonContext.Default.LocalReply)).ConfigureAwait(false);
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader)
    {
        var line = await reader.ReadLineAsync().ConfigureAwait(false);
        if (line is not null && line.Length > MaxLineBytes) throw new IOException("request line too long");
        return line;
    }

    private async Task<LocalReply> HandleAsync(string line)
    {
        LocalRequest? request;
        try { request = JsonSerializer.Deserialize(line, LocalSocketJsonContext.Default.LocalRequest); }
        catch (JsonException e) { return LocalReply.Failure("bad-request", $"the request is not JSON of the local socket protocol: {e.Message}"); }
        if (request?.Op is null || !LocalOps.All.Contains(request.Op, StringComparer.Ordinal))
            return LocalReply.Failure("bad-request", $"'op' is {(request?.Op is null ? "missing" : $"'{request.Op}'")}; expected one of {string.Join(", ", LocalOps.All)}.");
        try
        {
            return await _handler(request, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return LocalReply.Failure("not-connected", "the agent is stopping.");
        }
        catch (Exception e) when (e is TimeoutException or Akka.Actor.AskTimeoutException)
        {
            return LocalReply.Failure("timeout", "the agent did not answer in time (is its hub reachable?).");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        try { await _accepting.ConfigureAwait(false); } catch (OperationCanceledException) { }
        try { File.Delete(Path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        _stop.Dispose();
    }

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Local socket accept failed: {Error}")]
    private static partial void LogAcceptFailed(ILogger logger, string error);
}
