using System.Globalization;
using System.Text.RegularExpressions;
using Lemegeton.Cli.Commands;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Tests.Actors;
using Lemegeton.Hub.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Lemegeton.Hub.Tests.Spawner;

/// <summary>
/// The whole system as processes: <c>lemegeton hub start --foreground --agents worker:N --exec …</c> (hub node,
/// coordinator, journal in a real redis-server, a git commit per cold transition) and the N
/// <c>lemegeton agent</c> processes its spawner runs, seen only from outside (admin API, Redis, git, /proc).
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class AgentFleetProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Four_agents_complete_the_20_pr_demo_list_each_pr_once_with_one_commit_per_cold_transition_and_per_pr()
    {
        var taskList = DemoTaskList.Text();
        await using var fleet = await AgentFleet.StartAsync(taskList, 4, AgentFleet.FakeCoder("--delay 100ms"));
        var initial = fleet.Commits();

        var prs = await fleet.UntilPrsAsync("all 20 PRs completed", p => p.All(x => x.ColdState == "completed"), Patience);

        Assert.Equal(20, prs.Count);
        Assert.Equal(4, fleet.AgentProcesses().Count);
        var transitions = await fleet.TransitionsAsync();
        foreach (var pr in prs)
            Assert.True(transitions.Count(t => t.PrId == pr.Id && t.To == "completed") == 1, $"{pr.Id} completed {transitions.Count(t => t.PrId == pr.Id && t.To == "completed")} times");
        Assert.DoesNotContain(transitions, t => t.To == "broken");

        // Git: the first commit, one hub commit per cold transition journaled, one fake-coder commit per PR (each PR's work done once).
        var committed = await UntilAsync("a git commit for every cold transition", async () =>
        {
            var c = (await fleet.JournalAsync()).Where(e => e.Event == "ColdTransitionCommitted")
                .Select(e => e.Payload.GetProperty("commit").GetString()).OfType<string>().ToList();
            return c.Count == transitions.Count ? c : null;
        });
        var commits = fleet.Commits();
        var hubCommits = commits.Where(c => ColdTransitionSubject().IsMatch(c.Subject)).ToList();
        Assert.Equal(committed.Order(), hubCommits.Select(c => c.Sha).Order());
        var titles = prs.ToDictionary(p => p.Id, p => TitleIn(taskList, p.Id));
        foreach (var (id, title) in titles)
            Assert.True(commits.Count(c => c.Subject == $"{id}: {title}") == 1, $"{id}: {commits.Count(c => c.Subject == $"{id}: {title}")} agent commits");
        Assert.Equal(initial.Count + transitions.Count + prs.Count, commits.Count);
        output.WriteLine($"{commits.Count} commits: {transitions.Count} cold transitions, {prs.Count} agent commits");
    }

    [Fact]
    public async Task An_agent_killed_with_sigkill_mid_pr_is_restarted_and_its_pr_is_reassigned_and_done_once()
    {
        // Independent PRs with their own files: the slow command leaves time to kill mid-PR.
        await using var fleet = await AgentFleet.StartAsync(TestTaskLists.Build(6, _ => []), 2, AgentFleet.FakeCoder("--delay 3s"));

        var running = await fleet.UntilPrsAsync("a PR running", p => p.Any(x => x.AgentId is not null && CommandStarted(fleet, x.AgentId, x.Id)), Patience);
        var victim = running.First(x => x.AgentId is not null && CommandStarted(fleet, x.AgentId, x.Id));
        var before = fleet.AgentProcesses();
        var pid = before[victim.AgentId!];
        Assert.True(Posix.Signal(pid, Posix.SigKill));
        output.WriteLine($"killed {victim.AgentId} (pid {pid}) working on {victim.Id}");

        var prs = await fleet.UntilPrsAsync("all 6 PRs completed", p => p.All(x => x.ColdState == "completed"), Patience);

        var after = fleet.AgentProcesses();
        Assert.True(after.TryGetValue(victim.AgentId!, out var restarted), $"{victim.AgentId} was not restarted");
        Assert.NotEqual(pid, restarted);
        Assert.False(Posix.IsAlive(pid));
        var journal = await fleet.JournalAsync();
        var assignments = journal.Where(e => e.Event == "PrAssigned" && e.Payload.GetProperty("prId").GetString() == victim.Id).ToList();
        Assert.True(assignments.Count >= 2, $"{victim.Id} was assigned {assignments.Count} time(s)");
        Assert.True(assignments[^1].Payload.GetProperty("fencingToken").GetInt64() > victim.FencingToken, "the reassignment has no newer fencing token");
        var transitions = await fleet.TransitionsAsync();
        Assert.All(prs, p => Assert.Equal(1, transitions.Count(t => t.PrId == p.Id && t.To == "completed")));
        // The killed agent's command must not finish the PR behind the new owner's back: one commit of its work.
        var work = fleet.Commits().Count(c => c.Subject == $"{victim.Id}: Change part {int.Parse(victim.Id[3..], CultureInfo.InvariantCulture)}");
        Assert.True(work == 1, $"{victim.Id}'s work was committed {work} times");
    }

    [Fact]
    public async Task A_command_that_hangs_is_stopped_at_the_timeout_with_its_process_tree_retried_and_then_broken_with_the_reason()
    {
        var pids = Directory.CreateTempSubdirectory("lmg-pids-");
        try
        {
            var script = Path.Combine(pids.FullName, "hang.sh");
            // Each attempt records its shell and a background child, then hangs.
            await File.WriteAllTextAsync(script, $"sleep 600 &\necho $! >> '{pids.FullName}/children'\necho $$ >> '{pids.FullName}/shells'\nwait\n");
            await using var fleet = await AgentFleet.StartAsync(TestTaskLists.Build(1, _ => []), 1, $"sh '{script}'", "--agent-timeout", "1500ms");
            var agentPid = await UntilAsync("the agent process", () => Task.FromResult(fleet.AgentProcesses().TryGetValue("worker-1", out var p) ? (int?)p : null));

            await fleet.UntilPrsAsync("PR-001 broken", p => p.Single().ColdState == "broken", Patience);

            var journal = await fleet.JournalAsync();
            Assert.Equal(3, journal.Count(e => e.Event == "PrAssigned"));
            Assert.Equal(2, journal.Count(e => e.Event == "PrReleased"));
            Assert.Single(await fleet.TransitionsAsync(), t => t.To == "broken");
            var reason = journal.Last(e => e.Event == "PrTransitioned").Payload.GetProperty("reason").GetString();
            Assert.Contains("failed 3 times", reason);
            Assert.Contains("did not finish within 1.5 s", reason);
            var shells = (await File.ReadAllLinesAsync(Path.Combine(pids.FullName, "shells"))).Select(int.Parse).ToList();
            var children = (await File.ReadAllLinesAsync(Path.Combine(pids.FullName, "children"))).Select(int.Parse).ToList();
            Assert.Equal(3, shells.Count);
            Assert.All(shells.Concat(children), p => Assert.False(Posix.IsAlive(p), $"pid {p} of a stopped command still runs"));
            // The agent itself was fine: the same process did all three attempts.
            Assert.Equal(agentPid, fleet.AgentProcesses()["worker-1"]);
            // The cold transition reaches git right after the journal: wait for its commit.
            await UntilAsync("the commit of PR-001 → broken", () => Task.FromResult<object?>(
                fleet.Commits().Any(c => c.Subject == "PR-001: in-progress → broken") ? fleet : null));
        }
        finally
        {
            pids.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_hub_killed_mid_run_and_started_again_gets_its_agents_back_and_completes_every_pr_once()
    {
        await using var fleet = await AgentFleet.StartAsync(TestTaskLists.Build(12), 3, AgentFleet.FakeCoder("--delay 500ms"));
        await fleet.UntilPrsAsync("3 PRs completed and one running", p => p.Count(x => x.ColdState == "completed") >= 3 && p.Any(x => x.HotState is not null), Patience);
        var agentsBefore = fleet.AgentProcesses();

        await fleet.RestartHubAsync(kill: true);
        output.WriteLine($"hub killed; agents before: {string.Join(", ", agentsBefore)}");

        var prs = await fleet.UntilPrsAsync("all 12 PRs completed after the restart", p => p.All(x => x.ColdState == "completed"), Patience);
        var transitions = await fleet.TransitionsAsync();
        Assert.All(prs, p => Assert.True(transitions.Count(t => t.PrId == p.Id && t.To == "completed") == 1, $"{p.Id} completed twice"));
        // One cold-transition commit per PR's completion, once the restarted hub has caught git up.
        await UntilAsync("one '→ completed' commit per PR", () => Task.FromResult<object?>(
            prs.All(p => fleet.Commits().Count(c => c.Subject.StartsWith($"{p.Id}: ", StringComparison.Ordinal) && c.Subject.EndsWith(" → completed", StringComparison.Ordinal)) == 1) ? prs : null));
        // The killed hub's agents did not run on next to the new hub's: one process per agent id.
        var agentsAfter = fleet.AllAgentProcesses();
        output.WriteLine($"agents after: {string.Join(", ", agentsAfter)}");
        Assert.Equal(["worker-1", "worker-2", "worker-3"], agentsAfter.Select(a => a.AgentId).Order());
        Assert.All(agentsBefore.Values, pid => Assert.False(Posix.IsAlive(pid), $"agent {pid} of the killed hub still runs"));
        Assert.Contains("left running by a hub that was killed", fleet.Hub.Output);
    }

    private static bool CommandStarted(AgentFleet fleet, string agentId, string prId) =>
        File.Exists(Path.Combine(fleet.Root, ".lemegeton", "agents", agentId, prId + ".log"));

    private static string TitleIn(string taskList, string prId) =>
        Regex.Match(taskList, $@"^### {prId}: (.+)$", RegexOptions.Multiline).Groups[1].Value.Trim();

    private static async Task<T> UntilAsync<T>(string what, Func<Task<T?>> probe)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(100);
        }
        Assert.Fail($"{what}: not within {Patience.TotalSeconds:0} s");
        return default!;
    }

    [GeneratedRegex(@"^PR-\d{3}: [a-z-]+ → [a-z-]+$")]
    private static partial Regex ColdTransitionSubject();
}
