using System.CommandLine;
using System.Text.Json.Nodes;
using Lemegeton.Core.States;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton prs transition PR STATE --reason R [--json]</c>.</summary>
public sealed class PrsTransitionCommand : Command
{
    public PrsTransitionCommand(CliEnvironment environment)
        : base("transition", "Move a PR to a cold state by hand: checked by the state machine, journaled and committed to git like any cold transition. "
            + "Exit 1 when the state machine refuses.\nExample: lemegeton prs transition PR-004 ready --reason \"unblocked after the API freeze\"")
    {
        var id = new Argument<string>("PR") { Description = "The PR id." };
        var state = new Argument<string>("STATE") { Description = "The cold state: " + string.Join(", ", StateNames.ColdNames) + "." };
        state.AcceptOnlyFromAmong([.. StateNames.ColdNames]);
        var reason = new Option<string>("--reason", "-r") { Description = "Why (recorded in the journal and the commit message).", Required = true };
        var json = TaskListOptions.JsonOption();
        Add(id);
        Add(state);
        Add(reason);
        Add(json);
        SetAction(result => HubCall.Run(result, environment, json, async call =>
            call.WriteResult(await call.PostAsync($"v1/prs/{Uri.EscapeDataString(result.GetValue(id)!)}/transition",
                new JsonObject { ["state"] = result.GetValue(state), ["reason"] = result.GetValue(reason) }).ConfigureAwait(false))));
    }
}
