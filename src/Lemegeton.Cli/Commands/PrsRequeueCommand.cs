using System.CommandLine;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton prs requeue PR [--json]</c>.</summary>
public sealed class PrsRequeueCommand : Command
{
    public PrsRequeueCommand(CliEnvironment environment)
        : base("requeue", "Take a running PR back from its agent (it is told RevokePr, its leases are released) and put it back in the queue. Exit 1 when it is not running.\nExample: lemegeton prs requeue PR-004")
    {
        var id = new Argument<string>("PR") { Description = "The PR id." };
        var json = TaskListOptions.JsonOption();
        Add(id);
        Add(json);
        SetAction(result => HubCall.Run(result, environment, json, async call =>
            call.WriteResult(await call.PostAsync($"v1/prs/{Uri.EscapeDataString(result.GetValue(id)!)}/requeue").ConfigureAwait(false))));
    }
}
