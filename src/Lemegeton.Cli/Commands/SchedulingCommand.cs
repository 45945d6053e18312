using System.CommandLine;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton scheduling pause|resume</c>.</summary>
public sealed class SchedulingCommand : Command
{
    public SchedulingCommand(CliEnvironment environment)
        : base("scheduling", "Pause or resume the assignment of new work (running PRs go on); the pause survives a hub restart.\nExample: lemegeton scheduling pause")
    {
        Add(Verb(environment, "pause", "Stop assigning new work; running PRs go on.\nExample: lemegeton scheduling pause"));
        Add(Verb(environment, "resume", "Assign work again.\nExample: lemegeton scheduling resume"));
    }

    private static Command Verb(CliEnvironment environment, string name, string description)
    {
        var command = new Command(name, description);
        var json = TaskListOptions.JsonOption();
        command.Add(json);
        command.SetAction(result => HubCall.Run(result, environment, json, async call =>
            call.WriteResult(await call.PostAsync("v1/scheduling/" + name).ConfigureAwait(false))));
        return command;
    }
}
