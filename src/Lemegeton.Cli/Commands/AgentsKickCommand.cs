using System.CommandLine;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton agents kick ID [--json]</c>.</summary>
public sealed class AgentsKickCommand : Command
{
    public AgentsKickCommand(CliEnvironment environment)
        : base("kick", "End an agent's session: its PRs and leases are handed back at once and the agent is told to shut down.\nExample: lemegeton agents kick worker-2")
    {
        var id = new Argument<string>("ID") { Description = "The agent id." };
        var json = TaskListOptions.JsonOption();
        Add(id);
        Add(json);
        SetAction(result => HubCall.Run(result, environment, json, async call =>
            call.WriteResult(await call.PostAsync($"v1/agents/{Uri.EscapeDataString(result.GetValue(id)!)}/kick").ConfigureAwait(false))));
    }
}
