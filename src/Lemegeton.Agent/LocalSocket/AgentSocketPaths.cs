using System.Security.Cryptography;
using System.Text;

namespace Lemegeton.Agent.LocalSocket;

/// <summary>
/// Where an agent keeps its files: <c>.lemegeton/agents/{agentId}/</c> (mode 0700) holds the per-PR logs,
/// PR files and the local socket <c>agent.sock</c>. A socket path longer than the kernel's 107 bytes moves
/// to a private folder under the temporary directory, named by a hash of the long path.
/// </summary>
public static class AgentSocketPaths
{
    /// <summary>Longest Unix socket path (sun_path is 108 bytes with its NUL).</summary>
    public const int MaxSocketPathBytes = 107;

    /// <summary>The variable that tells a command (and <c>lemegeton lease|progress|mcp</c>) where its agent listens.</summary>
    public const string EnvironmentVariable = "LEMEGETON_AGENT_SOCKET";

    public static string AgentDirectory(string repositoryRoot, string agentId) =>
        Path.Combine(repositoryRoot, ".lemegeton", "agents", agentId);

    public static string SocketPath(string repositoryRoot, string agentId)
    {
        var path = Path.Combine(AgentDirectory(repositoryRoot, agentId), "agent.sock");
        if (Encoding.UTF8.GetByteCount(path) <= MaxSocketPathBytes) return path;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..16];
        return Path.Combine(Path.GetTempPath(), $"lemegeton-{Environment.UserName}", hash + ".sock");
    }
}
