using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Agent.Mcp;

/// <summary>
/// <c>lemegeton mcp</c>: a Model Context Protocol server on standard input/output whose tools
/// (<see cref="AgentMcpTools"/>) reach the agent that runs the coding tool. Standard output carries only
/// the protocol: logs go to standard error.
/// </summary>
public static class AgentMcpServer
{
    public const string ServerName = "lemegeton";

    public static async Task RunAsync(string? socketPath, CancellationToken cancellation)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders(); // standard output is the protocol's; nothing else may write there
        builder.Services.AddSingleton(new AgentMcpLink(socketPath));
        builder.Services
            .AddMcpServer(o => o.ServerInfo = new() { Name = ServerName, Version = typeof(AgentMcpServer).Assembly.GetName().Version?.ToString() ?? "1.0.0" })
            .WithStdioServerTransport()
            .WithTools<AgentMcpTools>();
        using var host = builder.Build();
        await host.RunAsync(cancellation).ConfigureAwait(false);
    }
}
