using Lemegeton.Agent.LocalSocket;

namespace Lemegeton.Agent.Mcp;

/// <summary>The MCP server's way to its agent: the local socket named by <c>LEMEGETON_AGENT_SOCKET</c> (or given explicitly).</summary>
public sealed class AgentMcpLink(string? socketPath)
{
    public string? SocketPath { get; } = socketPath;

    public async Task<LocalReply> SendAsync(LocalRequest request, CancellationToken cancellation)
    {
        if (SocketPath is null)
            throw new AgentUnreachableException($"{AgentSocketPaths.EnvironmentVariable} is not set. 'lemegeton mcp' must run inside a command started by 'lemegeton agent' (configure it in the coding tool that the agent's --exec runs).");
        return await AgentSocketClient.RequestAsync(SocketPath, request, cancellation).ConfigureAwait(false);
    }
}
