using System.CommandLine;
using Spectre.Console;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton leases list [--agent ID] [--json]</c>.</summary>
public sealed class LeasesListCommand : Command
{
    public LeasesListCommand(CliEnvironment environment)
        : base("list", "List the leased paths with the agent, PR and fencing token holding each. Exit 4 for an unknown --agent.\nExample: lemegeton leases list --agent worker-1")
    {
        var agent = new Option<string?>("--agent") { Description = "Only this agent's leases.", HelpName = "id" };
        var json = TaskListOptions.JsonOption();
        Add(agent);
        Add(json);
        SetAction(result => HubCall.Run(result, environment, json, async call =>
        {
            var query = result.GetValue(agent) is { } a ? "?agent=" + Uri.EscapeDataString(a) : "";
            var leases = await call.GetAsync("v1/leases" + query).ConfigureAwait(false);
            if (call.Json) { call.WriteJson(leases); return 0; }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Path").AddColumn("Agent").AddColumn("PR").AddColumn(new TableColumn("Token").RightAligned());
            foreach (var l in leases.EnumerateArray())
                table.AddRow(HubCall.Cell(l, "path"), HubCall.Cell(l, "agentId"), HubCall.Cell(l, "prId"), HubCall.Cell(l, "fencingToken"));
            call.Console.Write(table);
            call.Output.WriteLine($"{leases.GetArrayLength()} lease(s)");
            return 0;
        }));
    }
}
