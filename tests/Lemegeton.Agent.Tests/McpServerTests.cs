using Lemegeton.Agent.Tests.Infrastructure;
using Lemegeton.Hub.Events;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Lemegeton.Agent.Tests;

/// <summary><c>lemegeton mcp</c> as a real process, driven by the MCP SDK's own client over stdio.</summary>
[Trait("Category", "Slow")]
public sealed class McpServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private static Task<McpClient> ConnectAsync(string? socket) =>
        McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "lemegeton",
            Command = "dotnet",
            Arguments = [LemegetonProcess.Dll, "mcp"],
            EnvironmentVariables = new Dictionary<string, string?> { ["LEMEGETON_AGENT_SOCKET"] = socket },
        }));

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));

    [Fact]
    public async Task Without_an_agent_the_tools_are_listed_and_each_call_says_no_agent_is_reachable()
    {
        await using var client = await ConnectAsync(null);

        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "current_pr", "acquire_files", "release_files", "report_progress", "complete", "fail", "why_waiting" }, tools);

        var result = await client.CallToolAsync("current_pr", new Dictionary<string, object?>());
        Assert.True(result.IsError);
        Assert.Contains("No Lemegeton agent is reachable", Text(result));
        Assert.Contains("LEMEGETON_AGENT_SOCKET is not set", Text(result));
    }

    [Fact]
    public async Task Inside_an_agents_command_the_tools_show_the_pr_refuse_a_held_file_naming_its_holder_and_complete_the_pr()
    {
        await using var hub = await HubNode.StartAsync(TestTaskList.Build(["src/a.txt"], ["src/b.txt"]));
        var dir = Path.Combine(hub.Root, "signals");
        Directory.CreateDirectory(dir);
        var script = Path.Combine(hub.Root, "wait.sh");
        await File.WriteAllTextAsync(script, $$"""
            echo "$LEMEGETON_AGENT_SOCKET" > '{{dir}}/'"$LEMEGETON_PR_ID".socket
            while [ ! -f '{{dir}}/go' ]; do sleep 0.1; done
            """);
        await using var agent = LemegetonProcess.Start(hub.RepoPath, "agent", "--hub", hub.HubArgument, "--id", "w", "--count", "2", "--exec", $"sh '{script}'");
        await agent.WaitForLine("assigned PR-001", Patience);
        await agent.WaitForLine("assigned PR-002", Patience);
        var socket = await ReadWhenWrittenAsync(Path.Combine(dir, "PR-001.socket"));
        await using var client = await ConnectAsync(socket);

        var pr = await client.CallToolAsync("current_pr", new Dictionary<string, object?>());
        Assert.False(pr.IsError, Text(pr));
        Assert.Contains("PR-001: Change part 1", Text(pr));
        Assert.Contains("files: src/a.txt", Text(pr));
        Assert.Contains("- Part 1 changed", Text(pr));

        var refused = await client.CallToolAsync("acquire_files", new Dictionary<string, object?> { ["files"] = new[] { "src/b.txt" } });
        Assert.True(refused.IsError);
        Assert.Matches("src/b.txt is leased by agent w-[12] for PR-002", Text(refused));

        var progress = await client.CallToolAsync("report_progress", new Dictionary<string, object?> { ["percent"] = 40, ["message"] = "halfway" });
        Assert.False(progress.IsError, Text(progress));
        var complete = await client.CallToolAsync("complete", new Dictionary<string, object?> { ["summary"] = "changed part 1 through MCP" });
        Assert.False(complete.IsError, Text(complete));

        await File.WriteAllTextAsync(Path.Combine(dir, "go"), "");
        await hub.Log.WaitFor("both PRs completed", items => items.OfType<PrTransitioned>().Count(t => t.To == "completed") == 2, Patience);
        Assert.Contains(hub.Log.Items.OfType<PrTransitioned>(), t => t.PrId == "PR-001" && t.To == "completed" && t.Reason.Contains("through MCP", StringComparison.Ordinal));
    }

    private static async Task<string> ReadWhenWrittenAsync(string path)
    {
        // The command writes it right after it starts, which the agent's "assigned" line precedes by a moment.
        for (var i = 0; i < 200 && !(File.Exists(path) && new FileInfo(path).Length > 0); i++) await Task.Delay(50);
        return (await File.ReadAllTextAsync(path)).Trim();
    }
}
