using System.CommandLine;
using Spectre.Console;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton mode show|history [--json]</c>.</summary>
public sealed class ModeCommand : Command
{
    public ModeCommand(CliEnvironment environment)
        : base("mode", "The coordination mode (distributed, degraded, isolated): the current one and its history.\nExample: lemegeton mode show")
    {
        var show = new Command("show", "The current coordination mode and since when.\nExample: lemegeton mode show --json");
        var showJson = TaskListOptions.JsonOption();
        show.Add(showJson);
        show.SetAction(result => HubCall.Run(result, environment, showJson, async call =>
        {
            var mode = await call.GetAsync("v1/mode").ConfigureAwait(false);
            if (call.Json) { call.WriteJson(mode); return 0; }
            call.Output.WriteLine($"mode: {HubCall.Str(mode, "mode")} (since {HubCall.Str(mode, "since")})");
            return 0;
        }));
        var history = new Command("history", "The mode changes since the hub started.\nExample: lemegeton mode history");
        var historyJson = TaskListOptions.JsonOption();
        history.Add(historyJson);
        history.SetAction(result => HubCall.Run(result, environment, historyJson, async call =>
        {
            var changes = await call.GetAsync("v1/mode/history").ConfigureAwait(false);
            if (call.Json) { call.WriteJson(changes); return 0; }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("At").AddColumn("Mode").AddColumn("Reason");
            foreach (var c in changes.EnumerateArray()) table.AddRow(HubCall.Cell(c, "at"), HubCall.Cell(c, "mode"), HubCall.Cell(c, "reason"));
            call.Console.Write(table);
            return 0;
        }));
        Add(show);
        Add(history);
    }
}
