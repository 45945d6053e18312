using System.CommandLine;
using Spectre.Console;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton agents list [--json]</c>.</summary>
public sealed class AgentsListCommand : Command
{
    public AgentsListCommand(CliEnvironment environment)
        : base("list", "List the live agent sessions with their type, capacity and PRs.\nExample: lemegeton agents list --json")
    {
        var json = TaskListOptions.JsonOption();
        Add(json);
        SetAction(result => HubCall.Run(result, environment, json, async call =>
        {
            var agents = await call.GetAsync("v1/agents").ConfigureAwait(false);
            if (call.Json) { call.WriteJson(agents); return 0; }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Agent").AddColumn("Session").AddColumn("Type")
                .AddColumn(new TableColumn("Capacity").RightAligned()).AddColumn("PRs");
            foreach (var a in agents.EnumerateArray())
                table.AddRow(HubCall.Cell(a, "agentId"), HubCall.Cell(a, "sessionId"), HubCall.Cell(a, "agentType"), HubCall.Cell(a, "capacity"), HubCall.List(a, "prs"));
            call.Console.Write(table);
            call.Output.WriteLine($"{agents.GetArrayLength()} agent(s)");
            return 0;
        }));
    }
}
