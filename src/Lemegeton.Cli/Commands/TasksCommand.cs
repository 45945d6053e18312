using System.CommandLine;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton tasks …</c>: commands that read the task list. Add further subcommands (e.g. <c>schedule</c>) here.</summary>
public sealed class TasksCommand : Command
{
    public TasksCommand(CliEnvironment environment)
        : base("tasks", "Read, check and show the task list (docs/task-list.md): its PRs, their states and dependencies.")
    {
        Add(new TasksValidateCommand(environment));
        Add(new TasksListCommand(environment));
        Add(new TasksGraphCommand(environment));
        Add(new TasksScheduleCommand(environment));
    }
}
