using System.CommandLine;
using Spectre.Console;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton prs list [--state S] [--json]</c>.</summary>
public sealed class PrsListCommand : Command
{
    public PrsListCommand(CliEnvironment environment)
        : base("list", "List the PRs with cold state, hot state, agent and fencing token.\nExample: lemegeton prs list --state in-progress")
    {
        var state = new Option<string?>("--state") { Description = "Only PRs whose current state is this: the hot state while assigned (in-progress, investigating, under-review), else the cold state (ready, new, …).", HelpName = "state" };
        var json = TaskListOptions.JsonOption();
        Add(state);
        Add(json);
        SetAction(result => HubCall.Run(result, environment, json, async call =>
        {
            var query = result.GetValue(state) is { } s ? "?state=" + Uri.EscapeDataString(s) : "";
            var prs = await call.GetAsync("v1/prs" + query).ConfigureAwait(false);
            if (call.Json) { call.WriteJson(prs); return 0; }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("PR").AddColumn("Cold").AddColumn("Hot").AddColumn("Agent")
                .AddColumn(new TableColumn("Token").RightAligned());
            foreach (var p in prs.EnumerateArray())
                table.AddRow(HubCall.Cell(p, "id"), HubCall.Cell(p, "coldState"), HubCall.Cell(p, "hotState"), HubCall.Cell(p, "agentId"), HubCall.Cell(p, "fencingToken"));
            call.Console.Write(table);
            call.Output.WriteLine($"{prs.GetArrayLength()} PR(s)");
            return 0;
        }));
    }
}
