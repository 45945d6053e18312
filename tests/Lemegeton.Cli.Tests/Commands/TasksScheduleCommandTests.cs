using System.Text.Json;
using Lemegeton.Cli.Commands;

namespace Lemegeton.Cli.Tests.Commands;

public sealed class TasksScheduleCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lemegeton-schedule-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string ExampleTaskList()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Lemegeton.sln"))) return Path.Combine(d.FullName, "docs", "examples", "task-list.md");
        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = CliApp.Run(args, output, error, new CliEnvironment(_dir));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Shows_what_would_start_and_why_each_other_pr_waits()
    {
        var (code, output, _) = Run("tasks", "schedule", ExampleTaskList(), "--agents", "worker:4,qc:1");
        Assert.Equal(0, code);
        Assert.Contains("PR-001", output);
        Assert.Contains("conflicts with PR-003 (starting now on worker-2) on src/Infrastructure/Logging.cs", output);
        Assert.Contains("waiting for PR-001 (ready)", output);
        Assert.Contains("2 would start, 4 wait, 0 approved.", output);
    }

    [Fact]
    public void Writes_json_with_assignments_and_typed_wait_reasons()
    {
        var (code, output, _) = Run("tasks", "schedule", ExampleTaskList(), "--agents", "planning:1,worker:1", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var assignments = json.RootElement.GetProperty("assignments").EnumerateArray().ToList();
        var first = Assert.Single(assignments);
        Assert.Equal("PR-001", first.GetProperty("prId").GetString());
        Assert.Equal("planning", first.GetProperty("work").GetString());
        Assert.Equal("haiku", first.GetProperty("model").GetString());
        var waiting = json.RootElement.GetProperty("waiting").EnumerateArray().ToDictionary(w => w.GetProperty("prId").GetString()!);
        Assert.Equal("no-idle-agent", waiting["PR-003"].GetProperty("kind").GetString());
        Assert.Equal("no idle planning agent", waiting["PR-003"].GetProperty("reason").GetString());
        Assert.Equal("dependency-pending", waiting["PR-002"].GetProperty("kind").GetString());
        Assert.True(waiting["PR-002"].GetProperty("line").GetInt32() > first.GetProperty("line").GetInt32());
    }

    [Fact]
    public void The_parallel_cap_and_strategy_are_honoured()
    {
        var (code, output, _) = Run("tasks", "schedule", ExampleTaskList(), "--agents", "worker:3", "--max-parallel", "1", "--strategy", "round_robin");
        Assert.Equal(0, code);
        Assert.Contains("parallel PR limit (1) reached", output);
        Assert.Contains("1 would start", output);
    }

    [Theory]
    [InlineData("wrker:2", "unknown agent type 'wrker'")]
    [InlineData("worker:0", "positive count")]
    [InlineData("worker:x", "positive count")]
    [InlineData(",", "no agents given")]
    public void Bad_agent_lists_are_refused_with_a_usage_error(string agents, string message)
    {
        var (code, _, error) = Run("tasks", "schedule", ExampleTaskList(), "--agents", agents);
        Assert.Equal(2, code);
        Assert.Contains("--agents: ", error);
        Assert.Contains(message, error);
    }

    [Fact]
    public void An_invalid_task_list_names_the_problem_and_exits_1()
    {
        var file = Path.Combine(_dir, "broken.md");
        File.WriteAllText(file, "# Tasks\n\n### PR-001: x\n\n---\npr_id: PR-001\ntitle: x\ncold_state: sideways\n---\n");
        var (code, _, error) = Run("tasks", "schedule", file);
        Assert.Equal(1, code);
        Assert.Contains("cold_state", error);
    }

    [Fact]
    public void Agent_lists_expand_to_numbered_agents_by_type()
    {
        Assert.True(TasksScheduleCommand.TryParseAgents("worker:2, qc , worker:1", out var agents, out _));
        Assert.Equal(["worker-1", "worker-2", "qc-1", "worker-3"], agents.Select(a => a.Id));
    }
}
