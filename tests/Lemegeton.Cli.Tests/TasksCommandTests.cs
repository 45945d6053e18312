using System.Text.Json;
using static Lemegeton.Cli.Tests.TempTaskList;

namespace Lemegeton.Cli.Tests;

public sealed class TasksCommandTests : IDisposable
{
    private readonly TempTaskList _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliRun Run(params string[] args) => CliRun.Of(_dir.Directory, args);

    [Fact]
    public void Validate_a_valid_list_exits_0()
    {
        var path = _dir.Write(List(Pr("PR-001"), Pr("PR-002", "[PR-001]")));
        var run = Run("tasks", "validate", path);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("valid, 2 PRs", run.Output);
    }

    [Fact]
    public void Validate_prints_every_error_with_location_and_hint_and_exits_1()
    {
        var text = List(Pr("PR-001", state: "done"), Pr("PR-002", "[PR-404]"));
        var path = _dir.Write(text);
        var run = Run("tasks", "validate", path);
        Assert.Equal(1, run.ExitCode);
        var line = text.Split('\n').ToList().FindIndex(l => l == "cold_state: done") + 1;
        Assert.Contains($"{path}:{line}:13: PR-001: cold_state: 'done' is not a cold state", run.Output);
        Assert.Contains("    hint: use one of: new, ready, blocked, planned, completed, approved, broken", run.Output);
        Assert.Contains("PR-002: dependencies: 'PR-404' is not a PR in this task list", run.Output);
        Assert.Contains("invalid, 2 errors", run.Output);
    }

    [Fact]
    public void Validate_lenient_accepts_the_runtime_minimum_with_warnings()
    {
        var path = _dir.Write(List("### PR-001: Minimal\n\n---\npr_id: PR-001\ncold_state: new\ndependencies: []\n---\n"));
        Assert.Equal(1, Run("tasks", "validate", path).ExitCode);
        var run = Run("tasks", "validate", path, "--lenient");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: PR-001: title: missing required key", run.Output);
        Assert.Contains("valid, 1 PR, 3 warnings", run.Output);
    }

    [Fact]
    public void Validate_json_reports_diagnostics()
    {
        var path = _dir.Write(List(Pr("PR-001"), Pr("PR-002", "[PR-002]")));
        var run = Run("tasks", "validate", path, "--json");
        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal(1, root.GetProperty("errors").GetInt32());
        var d = root.GetProperty("diagnostics")[0];
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal("PR-002", d.GetProperty("prId").GetString());
        Assert.Equal("dependency cycle: PR-002 → PR-002", d.GetProperty("message").GetString());
    }

    [Fact]
    public void Validate_a_missing_file_says_so_and_exits_1()
    {
        var run = Run("tasks", "validate", Path.Combine(_dir.Directory, "nope.md"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot read the task list", run.Output);
    }

    [Fact]
    public void Path_defaults_to_docs_task_list_md_at_the_repository_root()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(_dir.Directory, ".git"));
        _dir.Write(List(Pr("PR-001")), "docs/task-list.md");
        var sub = System.IO.Directory.CreateDirectory(Path.Combine(_dir.Directory, "src", "deep")).FullName;
        var run = CliRun.Of(sub, "tasks", "validate");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Path.Combine(_dir.Directory, "docs", "task-list.md"), run.Output);
    }

    [Fact]
    public void List_shows_a_table_and_filters_by_state()
    {
        var path = _dir.Write(List(Pr("PR-001", state: "completed", title: "Model"), Pr("PR-002", "[PR-001]", "ready", "Repository"), Pr("PR-003", "[PR-002]", "blocked", "Api")));
        var all = Run("tasks", "list", path);
        Assert.Equal(0, all.ExitCode);
        Assert.Contains("PR-001", all.Output);
        Assert.Contains("Repository", all.Output);
        Assert.Contains("3 of 3 PRs", all.Output);
        var ready = Run("tasks", "list", path, "--state", "ready");
        Assert.Contains("PR-002", ready.Output);
        Assert.DoesNotContain("PR-003", ready.Output);
        Assert.Contains("1 of 3 PRs", ready.Output);
    }

    [Fact]
    public void List_rejects_an_unknown_state_option()
    {
        var path = _dir.Write(List(Pr("PR-001")));
        var run = Run("tasks", "list", path, "--state", "in-progress");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("in-progress", run.Error);
    }

    [Fact]
    public void List_json_uses_the_task_list_spelling()
    {
        var path = _dir.Write(List(Pr("PR-001"), Pr("PR-003a", "[PR-001]", "blocked")));
        var run = Run("tasks", "list", path, "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var prs = json.RootElement;
        Assert.Equal(2, prs.GetArrayLength());
        Assert.Equal("PR-003a", prs[1].GetProperty("id").GetString());
        Assert.Equal("blocked", prs[1].GetProperty("coldState").GetString());
        Assert.Equal("haiku", prs[1].GetProperty("complexity").GetProperty("suggestedModel").GetString());
        Assert.Equal("PR-001", prs[1].GetProperty("dependencies")[0].GetString());
        Assert.Equal("create", prs[1].GetProperty("estimatedFiles")[0].GetProperty("action").GetString());
    }

    [Fact]
    public void List_of_an_invalid_list_fails_in_strict_mode_and_loads_in_lenient_mode()
    {
        var path = _dir.Write(List(Pr("PR-001"), Pr("PR-002", state: "bogus")));
        var strict = Run("tasks", "list", path);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("PR-002: cold_state", strict.Error);
        Assert.Contains("--lenient", strict.Error);
        var lenient = Run("tasks", "list", path, "--lenient");
        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains("1 of 1 PRs", lenient.Output);
        Assert.Contains("PR-002: cold_state", lenient.Error);
    }

    [Fact]
    public void Graph_prints_mermaid_by_default_and_dot_on_request()
    {
        var path = _dir.Write(List(Pr("PR-001", title: "Say \"hi\""), Pr("PR-003a", "[PR-001]")));
        var mermaid = Run("tasks", "graph", path);
        Assert.Equal(0, mermaid.ExitCode);
        Assert.StartsWith("graph TD\n", mermaid.Output);
        Assert.Contains("PR_001 --> PR_003a", mermaid.Output);
        Assert.Contains("#quot;hi#quot;", mermaid.Output);
        var dot = Run("tasks", "graph", path, "--format", "dot");
        Assert.Equal(0, dot.ExitCode);
        Assert.StartsWith("digraph tasks {", dot.Output);
        Assert.Contains("\"PR-001\" -> \"PR-003a\";", dot.Output);
        Assert.Contains("Say \\\"hi\\\"", dot.Output);
        Assert.NotEqual(0, Run("tasks", "graph", path, "--format", "svg").ExitCode);
    }

    [Theory]
    [InlineData("tasks", "validate")]
    [InlineData("tasks", "list")]
    [InlineData("tasks", "graph")]
    [InlineData("tasks")]
    public void Every_command_has_help(params string[] command)
    {
        var run = Run([.. command, "--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output);
        Assert.Contains("Description:", run.Output);
        if (command.Length == 2) Assert.Contains("docs/task-list.md", run.Output);
    }

    [Fact]
    public void The_bundled_example_validates_lists_and_graphs()
    {
        var example = Path.Combine(RepoRoot(), "docs", "examples", "task-list.md");
        Assert.Equal(0, Run("tasks", "validate", example).ExitCode);
        Assert.Equal(0, Run("tasks", "list", example).ExitCode);
        Assert.Equal(0, Run("tasks", "graph", example).ExitCode);
    }

    private static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Lemegeton.sln"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("repository root not found");
    }
}
