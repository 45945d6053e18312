using System.CommandLine;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton prs why PR [--json]</c>: why a PR is not running, in words.</summary>
public sealed class PrsWhyCommand : Command
{
    public PrsWhyCommand(CliEnvironment environment)
        : base("why", "Explain why a PR is not running: unmet dependencies (with their states), conflicts with named PRs and files, "
            + "no capable agent, paused scheduling, or who already runs it.\nExample: lemegeton prs why PR-004")
    {
        var id = new Argument<string>("PR") { Description = "The PR id." };
        var json = TaskListOptions.JsonOption();
        Add(id);
        Add(json);
        SetAction(result => HubCall.Run(result, environment, json, async call =>
        {
            var why = await call.GetAsync($"v1/prs/{Uri.EscapeDataString(result.GetValue(id)!)}/why").ConfigureAwait(false);
            if (call.Json) { call.WriteJson(why); return 0; }
            var pr = TerminalText.Escape(HubCall.Str(why, "id") ?? HubCall.Str(why, "prId"));
            var running = why.GetProperty("running").GetBoolean();
            call.Output.WriteLine(running
                ? $"{pr} is running ({HubCall.Str(why, "hotState")}):"
                : $"{pr} ({HubCall.Str(why, "coldState")}) is not running:");
            foreach (var r in why.GetProperty("reasons").EnumerateArray())
                call.Output.WriteLine($"  - {TerminalText.Escape(HubCall.Str(r, "text"))}");
            return 0;
        }));
    }
}
