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
    public async Task Inside_an_agents_command_the_tools_show_the_pr_refuse_a_held_file_naming_its_holder_explain_a_waiting_pr_and_complete_the_pr()
    {
        // PR-003 waits for PR-001.
        await using var hub = await HubNode.StartAsync(TestTaskList.BuildWithDependencies((["src/a.txt"], []), (["src/b.txt"], []), (["src/c.txt"], [TestTaskList.Id(1)])));
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

        // Asked of the hub through the agent's session: the dependency and the agent on it are named.
        var why = await client.CallToolAsync("why_waiting", new Dictionary<string, object?> { ["prId"] = "PR-003" });
        Assert.False(why.IsError, Text(why));
        Assert.StartsWith("PR-003 (new) is not running:", Text(why));
        Assert.Matches(@"waiting for dependency PR-001 \([a-z-]+, w-[12] is on it\)", Text(why));
        var unknown = await client.CallToolAsync("why_waiting", new Dictionary<string, object?> { ["prId"] = "PR-404" });
        Assert.True(unknown.IsError);
        Assert.Contains("no PR 'PR-404'", Text(unknown));

        var progress = await client.CallToolAsync("report_progress", new Dictionary<string, object?> { ["percent"] = 40, ["message"] = "halfway" });
        Assert.False(progress.IsError, Text(progress));
        var complete = await client.CallToolAsync("complete", new Dictionary<string, object?> { ["summary"] = "changed part 1 through MCP" });
        Assert.False(complete.IsError, Text(complete));

        await File.WriteAllTextAsync(Path.Combine(dir, "go"), "");
        await hub.Log.WaitFor("every PR completed", items => items.OfType<PrTransitioned>().Count(t => t.To == "completed") == 3, Patience);
        Assert.Contains(hub.Log.Items.OfType<PrTransitioned>(), t => t.PrId == "PR-001" && t.To == "completed" && t.Reason.Contains("through MCP", StringComparison.Ordinal));

        // Without a hub the agent cannot ask it, and says so.
        await hub.StopAsync();
        await agent.WaitForLine("Actor system #2", Patience);
        var offline = await client.CallToolAsync("why_waiting", new Dictionary<string, object?> { ["prId"] = "PR-003" });
        Assert.True(offline.IsError);
        Assert.Contains("the hub may be restarting", Text(offline));
    }

    private static async Task<string> ReadWhenWrittenAsync(string path)
    {
        // The command writes it right after it starts, which the agent's "assigned" line precedes by a moment.
        for (var i = 0; i < 200 && !(File.Exists(path) && new FileInfo(path).Length > 0); i++) await Task.Delay(50);
        return (await File.ReadAllTextAsync(path)).Trim();
    }
}
