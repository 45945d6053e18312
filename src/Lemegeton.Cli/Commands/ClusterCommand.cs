using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton cluster show|leave ADDRESS|down ADDRESS [--json]</c>.</summary>
public sealed class ClusterCommand : Command
{
    public ClusterCommand(CliEnvironment environment)
        : base("cluster", "The Akka.NET cluster the hub runs in: members, roles, status, reachability, where the coordinator runs; leave or down a member.\nExample: lemegeton cluster show")
    {
        var show = new Command("show", "Members with roles, status, reachability, the leader and the node holding the coordinator singleton.\nExample: lemegeton cluster show --json");
        var showJson = TaskListOptions.JsonOption();
        show.Add(showJson);
        show.SetAction(result => HubCall.Run(result, environment, showJson, async call =>
        {
            var c = await call.GetAsync("v1/cluster").ConfigureAwait(false);
            if (call.Json) { call.WriteJson(c); return 0; }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Address").AddColumn("Roles").AddColumn("Status").AddColumn("Reachable").AddColumn("");
            foreach (var m in c.GetProperty("members").EnumerateArray())
            {
                var marks = new List<string>();
                if (m.GetProperty("isSelf").GetBoolean()) marks.Add("this node");
                if (m.GetProperty("isLeader").GetBoolean()) marks.Add("leader");
                if (m.GetProperty("holdsCoordinator").GetBoolean()) marks.Add("coordinator");
                table.AddRow(HubCall.Cell(m, "address"), HubCall.List(m, "roles"), HubCall.Cell(m, "status"),
                    m.GetProperty("reachable").GetBoolean() ? "yes" : "[red]NO[/]", TerminalText.Markup(string.Join(", ", marks)));
            }
            call.Console.Write(table);
            call.Output.WriteLine($"coordinator singleton on: {TerminalText.Escape(HubCall.Str(c, "coordinatorNode") ?? "(none: no Up member with role hub)")}");
            return 0;
        }));
        Add(show);
        Add(Act(environment, "leave", "Ask a member to leave the cluster gracefully (its singletons hand over first). Exit 4 for an address that is not a member.\nExample: lemegeton cluster leave akka.tcp://lemegeton@10.0.0.7:4053"));
        Add(Act(environment, "down", "Mark a member as down (for a node that is gone and will not come back; its work is reclaimed). Exit 4 for an address that is not a member.\nExample: lemegeton cluster down akka.tcp://lemegeton@10.0.0.7:4053"));
    }

    private static Command Act(CliEnvironment environment, string verb, string description)
    {
        var command = new Command(verb, description);
        var address = new Argument<string>("ADDRESS") { Description = "The member's address, as 'cluster show' prints it." };
        var json = TaskListOptions.JsonOption();
        command.Add(address);
        command.Add(json);
        command.SetAction(result => HubCall.Run(result, environment, json, async call =>
            call.WriteResult(await call.PostAsync("v1/cluster/" + verb, new JsonObject { ["address"] = result.GetValue(address) }).ConfigureAwait(false))));
        return command;
    }
}
