using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lemegeton.Core.Scheduling;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
using Spectre.Console;

namespace Lemegeton.Cli.Commands;

/// <summary>
/// <c>lemegeton tasks schedule [PATH] [--agents worker:4,qc:1] [--max-parallel N] [--strategy S] [--lenient] [--json]</c>:
/// a dry run of one scheduling decision over the task list — which PRs would start now, on which agent
/// type and model, and why every other PR waits. Nothing is started or written.
/// </summary>
public sealed class TasksScheduleCommand : Command
{
    public const string DefaultAgents = "worker:4,qc:1";

    public TasksScheduleCommand(CliEnvironment environment)
        : base("schedule", "Dry run: show which PRs would start now with the given idle agents, on which agent and model, and why each other PR waits.")
    {
        var path = TaskListOptions.PathArgument();
        var agentsOption = new Option<string>("--agents")
        {
            Description = $"Idle agents as type:count pairs, types {string.Join(", ", AgentTypes.All)}. Default: {DefaultAgents}.",
            HelpName = "type:count,…",
            DefaultValueFactory = _ => DefaultAgents,
        };
        var maxParallel = new Option<int?>("--max-parallel")
        {
            Description = "Cap on PRs running at once. Default: lemegeton.scheduler.max-parallel-prs (10).",
        };
        var strategy = new Option<string?>("--strategy")
        {
            Description = "How a PR picks among fitting agents: capability_matched, first_available, load_balanced, round_robin. "
                + "Default: lemegeton.scheduler.strategy (capability_matched).",
        };
        strategy.AcceptOnlyFromAmong("capability_matched", "first_available", "load_balanced", "round_robin");
        var lenient = TaskListOptions.LenientOption();
        var json = TaskListOptions.JsonOption();
        Add(path);
        Add(agentsOption);
        Add(maxParallel);
        Add(strategy);
        Add(lenient);
        Add(json);
        SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            if (!TryParseAgents(result.GetValue(agentsOption) ?? DefaultAgents, out var agents, out var agentsError))
            {
                error.WriteLine("--agents: " + TerminalText.Escape(agentsError));
                return 2;
            }
            if (result.GetValue(maxParallel) is < 1)
            {
                error.WriteLine("--max-parallel: must be at least 1.");
                return 2;
            }

            if (!TaskListOptions.TryLoadForCommand(result, environment, path, lenient, "schedule", out var doc, out var settings, out var file, out var exitCode)) return exitCode;

            var options = settings.Scheduler;
            if (result.GetValue(maxParallel) is { } cap) options = options with { MaxParallelPrs = cap };
            if (AssignmentStrategyNames.TryParse(result.GetValue(strategy), out var chosen)) options = options with { Strategy = chosen };
            var index = SchedulingIndex.Build(doc.Prs);
            var decision = new PrScheduler(index, options).Decide(new SchedulingSnapshot { Agents = agents });
            var byId = doc.Prs.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());

            if (result.GetValue(json))
            {
                var report = new ScheduleReport(
                    file,
                    agents.Select(a => new ScheduleAgentJson(a.Id, a.Type)).ToArray(),
                    options.MaxParallelPrs,
                    options.Strategy.ToWire(),
                    decision.Assignments.Select(a => new ScheduleAssignmentJson(
                        a.PrId, byId[a.PrId].Title, a.AgentId, a.AgentType, a.Model.ToWire(), WorkName(a.Work), a.Complexity, a.EstimatedMinutes, byId[a.PrId].Heading.Line)).ToArray(),
                    decision.Waiting.Select(w => new ScheduleWaitingJson(
                        w.PrId, byId[w.PrId].ColdState.ToWire(), KindName(w.Reason.Kind), w.Reason.Text, w.Reason.OtherPrId, w.Reason.Path, byId[w.PrId].Heading.Line)).ToArray(),
                    index.Problems);
                output.WriteLine(JsonSerializer.Serialize(report, ScheduleJsonContext.Default.ScheduleReport));
                return 0;
            }

            TaskListOptions.WriteDiagnostics(error, doc.Diagnostics);
            foreach (var problem in index.Problems) error.WriteLine(TerminalText.Escape($"{file}: warning: {problem}"));
            var console = Terminal.For(output);
            console.WriteLine($"Dry run over {TerminalText.Escape(file)}: {doc.Prs.Count} PRs, agents {string.Join(", ", agents.GroupBy(a => a.Type).Select(g => $"{g.Key}×{g.Count()}"))}, "
                + $"at most {options.MaxParallelPrs} in parallel, strategy {options.Strategy.ToWire()}.");
            if (decision.Assignments.Count == 0) console.WriteLine("Nothing would start now.");
            else
            {
                var start = new Table().Border(TableBorder.Rounded).Title("Would start now")
                    .AddColumn("PR").AddColumn("Title").AddColumn("Agent").AddColumn("Model").AddColumn("Work")
                    .AddColumn(new TableColumn("Score").RightAligned()).AddColumn(new TableColumn("Min").RightAligned());
                foreach (var a in decision.Assignments)
                    start.AddRow(TerminalText.Markup(a.PrId), TerminalText.Markup(byId[a.PrId].Title), TerminalText.Markup(a.AgentId), a.Model.ToWire(), WorkName(a.Work),
                        a.Complexity.ToString(CultureInfo.InvariantCulture), a.EstimatedMinutes.ToString(CultureInfo.InvariantCulture));
                console.Write(start);
            }
            if (decision.Waiting.Count > 0)
            {
                var wait = new Table().Border(TableBorder.Rounded).Title("Waiting")
                    .AddColumn("PR").AddColumn("State").AddColumn("Why");
                foreach (var w in decision.Waiting)
                    wait.AddRow(TerminalText.Markup(w.PrId), byId[w.PrId].ColdState.ToWire(), TerminalText.Markup(w.Reason.Text));
                console.Write(wait);
            }
            var approved = doc.Prs.Count(p => p.ColdState == ColdState.Approved);
            console.WriteLine($"{decision.Assignments.Count} would start, {decision.Waiting.Count} wait, {approved} approved.");
            return 0;
        });
    }

    /// <summary>Parses <c>worker:4,qc:1</c> into agents named <c>worker-1…worker-4</c>, <c>qc-1</c>.</summary>
    internal static bool TryParseAgents(string text, out IReadOnlyList<SchedulingAgent> agents, out string? error)
    {
        var list = new List<SchedulingAgent>();
        agents = list;
        error = null;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(':', StringSplitOptions.TrimEntries);
            var type = pieces[0].ToLowerInvariant();
            if (AgentTypes.WorkOf(type) is null)
            {
                error = $"'{part}': unknown agent type '{pieces[0]}'; use {string.Join(", ", AgentTypes.All)}.";
                return false;
            }
            var count = 1;
            if (pieces.Length > 2 || (pieces.Length == 2 && (!int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1)))
            {
                error = $"'{part}': give a type and a positive count, e.g. worker:4.";
                return false;
            }
            var existing = list.Count(a => a.Type == type);
            for (var i = 1; i <= count; i++) list.Add(new SchedulingAgent($"{type}-{existing + i}", type));
        }
        if (list.Count == 0)
        {
            error = $"no agents given; e.g. --agents {DefaultAgents}.";
            return false;
        }
        return true;
    }

    internal static string WorkName(WorkKind work) => work switch
    {
        WorkKind.Planning => "planning",
        WorkKind.Implementation => "implementation",
        WorkKind.QualityCheck => "qc",
        _ => "review",
    };

    internal static string KindName(WaitKind kind) => kind switch
    {
        WaitKind.DependencyPending => "dependency-pending",
        WaitKind.DependencyUnknown => "dependency-unknown",
        WaitKind.DependencyCycle => "dependency-cycle",
        WaitKind.Blocked => "blocked",
        WaitKind.FileConflict => "file-conflict",
        WaitKind.ParallelLimit => "parallel-limit",
        WaitKind.NoAgentOfType => "no-agent-of-type",
        WaitKind.NoIdleAgent => "no-idle-agent",
        _ => "complexity-too-high",
    };
}
