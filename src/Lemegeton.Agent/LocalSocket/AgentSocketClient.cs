using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Lemegeton.Agent.LocalSocket;

/// <summary>Talks to an agent's local socket (from <c>lemegeton lease|progress|mcp</c>, run inside the agent's command).</summary>
public sealed class AgentSocketClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;
    private readonly SemaphoreSlim _one = new(1, 1);

    private AgentSocketClient(string path, Socket socket)
    {
        Path = path;
        _socket = socket;
        var stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(stream, new UTF8Encoding(false));
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
    }

    public string Path { get; }

    /// <summary>The socket named by <c>LEMEGETON_AGENT_SOCKET</c>, or null when the variable is not set.</summary>
    public static string? PathFromEnvironment() =>
        Environment.GetEnvironmentVariable(AgentSocketPaths.EnvironmentVariable) is { Length: > 0 } p ? p : null;

    /// <summary>Connects.</summary>
    /// <exception cref="AgentUnreachableException">No agent listens there; the message says what to check.</exception>
    public static async Task<AgentSocketClient> ConnectAsync(string path, CancellationToken cancellation = default)
    {
        if (!File.Exists(path))
            throw new AgentUnreachableException($"no agent listens on {path} (the socket does not exist): run this from inside a command started by 'lemegeton agent', which sets {AgentSocketPaths.EnvironmentVariable}.");
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellation).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new AgentUnreachableException($"no agent answers on {path} ({e.SocketErrorCode}): the agent process has stopped.");
        }
        return new AgentSocketClient(path, socket);
    }

    public async Task<LocalReply> SendAsync(LocalRequest request, CancellationToken cancellation = default)
    {
        await _one.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            await _writer.WriteLineAsync(JsonSerializer.Serialize(request, LocalSocketJsonContext.Default.LocalRequest).AsMemory(), cancellation).ConfigureAwait(false);
            var line = await _reader.ReadLineAsync(cancellation).ConfigureAwait(false)
                ?? throw new AgentUnreachableException($"the agent on {Path} closed the connection without answering.");
            return JsonSerializer.Deserialize(line, LocalSocketJsonContext.Default.LocalReply)
                ?? throw new AgentUnreachableException($"the agent on {Path} answered null.");
        }
        catch (IOException e)
        {
            throw new AgentUnreachableException($"the connection to the agent on {Path} broke: {e.Message}");
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>Connects, sends one request, returns the reply.</summary>
    public static async Task<LocalReply> RequestAsync(string path, LocalRequest request, CancellationToken cancellation = default)
    {
        await using var client = await ConnectAsync(path, cancellation).ConfigureAwait(false);
        return await client.SendAsync(request, cancellation).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        _one.Dispose();
        return ValueTask.CompletedTask;
    }
}
