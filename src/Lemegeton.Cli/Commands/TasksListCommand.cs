using System.CommandLine;
using System.Text.Json;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
using Spectre.Console;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton tasks list [PATH] [--state S] [--lenient] [--json]</c>: a table (or JSON) of the PRs.</summary>
public sealed class TasksListCommand : Command
{
    public TasksListCommand(CliEnvironment environment)
        : base("list", "List the PRs of the task list with their cold state, priority, complexity and dependencies.")
    {
        var path = TaskListOptions.PathArgument();
        var state = new Option<string?>("--state")
        {
            Description = "Show only PRs in this cold state: " + string.Join(", ", StateNames.ColdNames) + ".",
            HelpName = "state",
        };
        state.AcceptOnlyFromAmong(StateNames.ColdNames);
        var lenient = TaskListOptions.LenientOption();
        var json = TaskListOptions.JsonOption();
        Add(path);
        Add(state);
        Add(lenient);
        Add(json);
        SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            if (!TaskListOptions.TryLoadForCommand(result, environment, path, lenient, "list", out var doc, out _, out var file, out var exitCode)) return exitCode;
            IEnumerable<PullRequest> prs = doc.Prs;
            if (StateNames.TryParseCold(result.GetValue(state), out var only) && result.GetValue(state) is not null)
                prs = prs.Where(p => p.ColdState == only);
            var selected = prs.ToList();
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize<IReadOnlyList<PrJson>>(selected.Select(ToJson).ToArray(), CliJsonContext.Default.IReadOnlyListPrJson));
                return 0;
            }
            TaskListOptions.WriteDiagnostics(result.InvocationConfiguration.Error, doc.Diagnostics);
            var console = Terminal.For(output);
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("PR").AddColumn("Title").AddColumn("State").AddColumn("Priority")
                .AddColumn(new TableColumn("Score").RightAligned()).AddColumn(new TableColumn("Min").RightAligned())
                .AddColumn("Depends on").AddColumn(new TableColumn("Files").RightAligned());
            foreach (var pr in selected)
                table.AddRow(
                    TerminalText.Markup(pr.Id), TerminalText.Markup(pr.Title), $"[{StateColor(pr.ColdState)}]{pr.ColdState.ToWire()}[/]", pr.Priority.ToWire(),
                    pr.Complexity?.Score.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    pr.Complexity?.EstimatedMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    TerminalText.Markup(pr.Dependencies.Count == 0 ? "-" : string.Join(", ", pr.Dependencies)),
                    pr.Files.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
            console.Write(table);
            console.WriteLine($"{selected.Count} of {doc.Prs.Count} PRs");
            return 0;
        });
    }

    private static string StateColor(ColdState s) => s switch
    {
        ColdState.Completed or ColdState.Approved => "green",
        ColdState.Ready => "cyan",
        ColdState.Blocked or ColdState.Broken => "red",
        ColdState.Planned => "yellow",
        _ => "default",
    };

    private static PrJson ToJson(PullRequest pr) => new(
        pr.Id, pr.Title, pr.ColdState.ToWire(), pr.Priority.ToWire(),
        pr.Complexity is { } c ? new ComplexityJson(c.Score, c.EstimatedMinutes, c.SuggestedModel?.ToWire(), c.Rationale) : null,
        pr.Dependencies,
        pr.EstimatedFiles.Select(f => new FileJson(f.Path, f.Action.ToWire(), f.Description)).ToArray(),
        pr.ActualFiles.Select(f => new FileJson(f.Path, f.Action.ToWire(), f.Description)).ToArray(),
        pr.Heading.Line);
}
