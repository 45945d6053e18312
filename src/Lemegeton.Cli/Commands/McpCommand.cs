using System.CommandLine;
using Lemegeton.Agent.LocalSocket;
using Lemegeton.Agent.Mcp;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton mcp</c>: the stdio MCP server a coding tool is configured with inside an agent's command (docs/agent.md).</summary>
public sealed class McpCommand : Command
{
    public McpCommand()
        : base("mcp", "Serve the Model Context Protocol on stdin/stdout for a coding tool run by an agent: current PR, file leases, progress, complete, fail, why a PR waits (talks to the agent on LEMEGETON_AGENT_SOCKET).\nExample: lemegeton mcp (as the command of an MCP server in Claude Code or Codex; see docs/agent.md)")
    {
        var socket = new Option<string?>("--socket") { Description = "The agent's local socket; default LEMEGETON_AGENT_SOCKET." };
        Add(socket);
        SetAction(async (r, ct) =>
        {
            await AgentMcpServer.RunAsync(r.GetValue(socket) ?? AgentSocketClient.PathFromEnvironment(), ct);
            return 0;
        });
    }
}
