using Lemegeton.Agent.Tests.Infrastructure;
using Lemegeton.Hub.Events;

namespace Lemegeton.Agent.Tests;

/// <summary>An agent process outlives a hub restart: its command goes on, it joins the new hub with a new actor system and registers again.</summary>
[Trait("Category", "Slow")]
public sealed class HubRestartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task The_hub_restarts_mid_pr_and_the_agent_rejoins_registers_again_and_the_pr_completes_once()
    {
        await using var hub = await HubNode.StartAsync(TestTaskList.Build(["src/a.txt"]));
        var dir = Path.Combine(hub.Root, "signals");
        Directory.CreateDirectory(dir);
        var script = Path.Combine(hub.Root, "slow.sh");
        await File.WriteAllTextAsync(script, $$"""
            if [ ! -f '{{dir}}/first' ]; then
              touch '{{dir}}/first'
              while [ ! -f '{{dir}}/go' ]; do sleep 0.1; done
            fi
            exec {{LemegetonProcess.ShellCommand}} fake-coder
            """);
        await using var agent = LemegetonProcess.Start(hub.RepoPath, "agent", "--hub", hub.HubArgument, "--id", "w", "--exec", $"sh '{script}'");
        await agent.WaitForLine("assigned PR-001", Patience);
        var before = hub.Log;

        await hub.RestartAsync();
        await agent.WaitForLine("Actor system #2", Patience);
        await File.WriteAllTextAsync(Path.Combine(dir, "go"), "");

        await hub.Log.WaitFor("PR-001 completed after the restart", items => items.OfType<PrTransitioned>().Any(t => t.PrId == "PR-001" && t.To == "completed"), Patience);
        Assert.Equal(1, before.Items.Concat(hub.Log.Items).OfType<PrTransitioned>().Count(t => t.PrId == "PR-001" && t.To == "completed"));
        Assert.Contains(hub.Log.Items.OfType<AgentRegistered>(), r => r.AgentId == "w");
        Assert.True(agent.Output.Split("Agent w registered").Length >= 3, "the agent did not register twice:\n" + agent.Output);
        Assert.False(agent.Process.HasExited);
    }
}
