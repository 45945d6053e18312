using Lemegeton.Cli.Commands;
using Lemegeton.Core.Scheduling;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Daemon;
using LibGit2Sharp;

namespace Lemegeton.Cli.Tests.Commands;

/// <summary>The parts of <c>lemegeton demo</c> that need no running hub: the sample list, progress, summary, repository.</summary>
public sealed class DemoTests
{
    private static readonly HubStatus Status = new(42, "1.0", "running", DateTimeOffset.UnixEpoch, 12, "/repo", "distributed", HubCounts.None, 0, "/repo/.lemegeton/hub.sock", "/repo/.lemegeton/logs");

    [Fact]
    public void The_sample_task_list_has_20_valid_prs_with_dependencies_and_file_overlaps_that_workers_can_take()
    {
        var doc = TaskListParser.Parse(DemoTaskList.Text(), "demo-task-list.md");

        Assert.True(doc.IsValid, string.Join('\n', doc.Diagnostics));
        Assert.Equal(20, doc.Prs.Count);
        Assert.True(doc.Prs.Count(p => p.Dependencies.Count > 0) >= 10);
        Assert.All(doc.Prs, p => Assert.Equal(p.Dependencies.Count == 0 ? ColdState.Ready : ColdState.New, p.ColdState));
        // A worker takes complexity up to 7 (scheduling.md); the demo runs workers only.
        Assert.All(doc.Prs, p => Assert.InRange(p.Score, 1, 7));

        var overlaps = DemoTaskList.IndependentOverlaps(doc.Prs);
        Assert.True(overlaps.Count >= 5, $"{overlaps.Count} independent overlaps");
        Assert.Contains(overlaps, o => o.First == "PR-005" && o.Second == "PR-008" && o.Files.SequenceEqual(["src/Shop/Widget.cs"]));
        // PR-001 and PR-005 share Widget.cs, but PR-005 waits for PR-001: the dependency keeps them apart, not the scheduler.
        Assert.DoesNotContain(overlaps, o => o.First == "PR-001" && o.Second == "PR-005");
        Assert.DoesNotContain(overlaps, o => o.First == "PR-006" && o.Second == "PR-014"); // transitive: 014 → 011 → 006
    }

    [Fact]
    public void The_sample_task_list_passes_tasks_validate_and_can_start_four_workers_at_once()
    {
        using var dir = new TempTaskList();
        var path = dir.Write(DemoTaskList.Text());

        var validate = CliRun.Of(dir.Directory, "tasks", "validate", path);
        Assert.Equal(0, validate.ExitCode);
        Assert.Contains("valid, 20 PRs", validate.Output);

        var schedule = CliRun.Of(dir.Directory, "tasks", "schedule", path, "--agents", "worker:4", "--json");
        Assert.Equal(0, schedule.ExitCode);
        Assert.Equal(4, System.Text.Json.JsonDocument.Parse(schedule.Output).RootElement.GetProperty("assignments").GetArrayLength());
    }

    [Fact]
    public void The_plain_progress_line_shows_completed_running_agents_leases_and_mode()
    {
        var snapshot = new DemoSnapshot(TimeSpan.FromSeconds(12.34), Status,
            [
                new PrView("PR-001", "completed", null, null, null, null),
                new PrView("PR-002", "ready", "in-progress", "worker-2", "s2", 7),
                new PrView("PR-003", "approved", null, null, null, null),
                new PrView("PR-004", "new", null, null, null, null),
                new PrView("PR-005", "ready", "in-progress", "worker-1", "s1", 8),
            ],
            [new AgentView("s1", "worker-1", "worker", 1, ["PR-005"]), new AgentView("s2", "worker-2", "worker", 1, ["PR-002"])],
            [new LeaseView("src/A.cs", "s1", "worker-1", "PR-005", 8)]);

        Assert.Equal("[  12.3s] 2/5 PRs completed, 2 running (PR-002 worker-2, PR-005 worker-1), 2 agents, 1 leases, mode distributed",
            DemoPlainProgress.Format(snapshot));
        Assert.Equal(DemoPlainProgress.ChangeKey(snapshot), DemoPlainProgress.ChangeKey(snapshot with { Elapsed = TimeSpan.FromMinutes(1) }));
    }

    [Fact]
    public void The_plain_progress_line_escapes_control_characters_from_the_hub()
    {
        var snapshot = new DemoSnapshot(TimeSpan.Zero, Status with { Mode = "x\u001b[31m" }, [], [], []);
        Assert.DoesNotContain('\u001b', DemoPlainProgress.Format(snapshot));
    }

    [Fact]
    public void Progress_sees_the_killed_agents_pr_handed_to_another_session_and_overlapping_prs_running_together()
    {
        var overlap = new DemoOverlap("PR-001", "PR-002", ["src/A.cs"]);
        var progress = new DemoProgress(2, [overlap]);
        var started = progress.Observe(Snapshot(1, ("PR-001", "in-progress", "worker-1", "s1")));
        Assert.Equal(["PR-001 started on worker-1"], started);

        progress.RecordKill(new DemoKill("worker-1", "s1", 1234, "PR-001", TimeSpan.FromSeconds(1)));
        Assert.Empty(progress.Observe(Snapshot(2, ("PR-001", null, null, null))));
        Assert.Null(progress.HandOver);

        var handed = progress.Observe(Snapshot(3.5, ("PR-001", "in-progress", "worker-1", "s9"), ("PR-002", "in-progress", "worker-2", "s2")));
        Assert.Equal(new DemoHandOver("PR-001", "worker-1", "worker-1", TimeSpan.FromSeconds(2.5)), progress.HandOver);
        Assert.Contains("PR-001 handed from worker-1 to worker-1 2.5 s after the kill", handed);
        Assert.Equal([overlap], progress.RanTogether);
        Assert.Contains(handed, l => l.StartsWith("PR-001 and PR-002 run together", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pr_completed_between_two_polls_counts_as_handed_over()
    {
        var progress = new DemoProgress(1, []);
        progress.Observe(Snapshot(1, ("PR-001", "in-progress", "worker-3", "s3")));
        progress.RecordKill(new DemoKill("worker-3", "s3", 99, "PR-001", TimeSpan.FromSeconds(1)));
        progress.Observe(new DemoSnapshot(TimeSpan.FromSeconds(4), Status, [new PrView("PR-001", "completed", null, null, null, null)], [], []));
        Assert.Equal(new DemoHandOver("PR-001", "worker-3", null, TimeSpan.FromSeconds(3)), progress.HandOver);
    }

    [Fact]
    public void The_live_view_draws_the_bar_prs_agents_leases_and_events()
    {
        var progress = new DemoProgress(2, []);
        progress.Observe(new DemoSnapshot(TimeSpan.FromSeconds(3), Status,
            [new PrView("PR-001", "completed", null, null, null, null), new PrView("PR-002", "ready", "in-progress", "worker-[red]1", "s1", 5)],
            [new AgentView("s1", "worker-[red]1", "worker", 1, ["PR-002"])],
            [new LeaseView("src/[A].cs", "s1", "worker-[red]1", "PR-002", 5)]));
        var text = new StringWriter();

        Terminal.For(text).Write(DemoLiveView.Render(progress));

        var drawn = text.ToString();
        Assert.Contains("1/2 PRs completed", drawn);
        Assert.Contains("in-progress", drawn);
        Assert.Contains("worker-[red]1", drawn); // user data shown as text, not taken as markup
        Assert.Contains("src/[A].cs", drawn);
        Assert.Contains("PR-002 started on worker-[red]1", drawn);
    }

    [Fact]
    public void The_summary_names_every_figure()
    {
        var summary = new DemoSummary(20, 20, 61, 8, 0, new DemoKill("worker-2", "s2", 77, "PR-007", TimeSpan.FromSeconds(5)),
            new DemoHandOver("PR-007", "worker-2", "worker-4", TimeSpan.FromSeconds(1.26)), TimeSpan.FromSeconds(42.04));
        Assert.Equal(
        [
            "PRs completed:       20/20",
            "commits in git:      61",
            "conflicts avoided:   8 of 8 pairs of PRs that share files and could have run at once never ran together",
            "reassignment:        PR-007 handed from worker-2 (killed) to worker-4 in 1.3 s",
            "wall time:           42.0 s",
        ], summary.Lines());
    }

    [Fact]
    public void The_demo_repository_holds_the_task_list_in_one_commit_with_an_identity_for_the_agents()
    {
        var root = Directory.CreateTempSubdirectory("lemegeton-demo-test-").FullName;
        try
        {
            DemoRepository.Create(root, DemoTaskList.Text());
            Assert.Equal(1, DemoRepository.CommitCount(root));
            using var repo = new Repository(root);
            Assert.Equal(DemoTaskList.Text(), File.ReadAllText(Path.Combine(root, "docs", "task-list.md")));
            Assert.NotNull(repo.Head.Tip["docs/task-list.md"]);
            Assert.Equal("Lemegeton demo", repo.Config.Get<string>("user.name", ConfigurationLevel.Local).Value);
            Assert.Contains(".lemegeton/", File.ReadAllText(Path.Combine(root, ".gitignore")));
        }
        finally
        {
            foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)) File.SetAttributes(f, FileAttributes.Normal);
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_agents_run_the_fake_coder_of_this_executable_quoted_for_the_shell()
    {
        var lemegeton = new HubExecutable("/usr/share/dotnet/dotnet", ["/home/a b/it's/lemegeton.dll"]);
        Assert.Equal("/usr/share/dotnet/dotnet '/home/a b/it'\\''s/lemegeton.dll' fake-coder --delay 1s", DemoHub.FakeCoderCommand(lemegeton));
        Assert.Equal(["hub", "start", "--agents", "worker:3", "--exec", "/usr/share/dotnet/dotnet '/home/a b/it'\\''s/lemegeton.dll' fake-coder --delay 1s", "--set", "akka.remote.dot-netty.tcp.port=0"],
            DemoHub.StartArguments(3, lemegeton));
    }

    [Theory]
    [InlineData("--agents", "0", "--agents: 0 is out of range")]
    [InlineData("--agents", "17", "--agents: 17 is out of range")]
    [InlineData("--timeout", "soon", "--timeout: 'soon' is not a duration")]
    public void Bad_options_exit_2(string option, string value, string expected)
    {
        var run = CliRun.Of(Path.GetTempPath(), "demo", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
    }

    [Fact]
    public void A_non_empty_dir_is_refused()
    {
        using var dir = new TempTaskList();
        dir.Write("x");
        var run = CliRun.Of(dir.Directory, "demo", "--dir", dir.Directory);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("exists and is not empty", run.Error);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1.5h", 5400)]
    [InlineData("45", 45)]
    public void Durations_parse(string text, double seconds)
    {
        Assert.True(DemoCommand.TryParseDuration(text, out var d));
        Assert.Equal(seconds, d.TotalSeconds);
    }

    private static DemoSnapshot Snapshot(double seconds, params (string Id, string? Hot, string? Agent, string? Session)[] prs) =>
        new(TimeSpan.FromSeconds(seconds), Status, [.. prs.Select(p => new PrView(p.Id, "ready", p.Hot, p.Agent, p.Session, p.Hot is null ? null : 1))], [], []);
}
