using Lemegeton.Agent.Tests.Infrastructure;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Security;

namespace Lemegeton.Agent.Tests;

/// <summary>Real <c>lemegeton agent</c> processes joining a real hub node over loopback, running real commands in a real git repository.</summary>
[Trait("Category", "Slow")]
public sealed class AgentProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private static LemegetonProcess StartAgent(HubNode hub, string id, string exec, params string[] more) =>
        LemegetonProcess.Start(hub.RepoPath, ["agent", "--hub", hub.HubArgument, "--id", id, "--type", "worker", "--exec", exec, .. more]);

    private static Func<IReadOnlyList<object>, bool> Reached(string prId, string state) =>
        items => items.OfType<PrTransitioned>().Any(t => t.PrId == prId && t.To == state);

    [Fact]
    public async Task An_agent_process_joins_the_hub_runs_fake_coder_for_each_pr_and_completes_them_with_their_commits()
    {
        await using var hub = await HubNode.StartAsync(TestTaskList.Build(["src/a.txt"], ["src/b.txt"]));
        await using var agent = StartAgent(hub, "w", $"{LemegetonProcess.ShellCommand} fake-coder");

        await hub.Log.WaitFor("both PRs completed", items => Reached("PR-001", "completed")(items) && Reached("PR-002", "completed")(items), Patience);

        var transitions = hub.Log.Items.OfType<PrTransitioned>().ToList();
        Assert.Equal(1, transitions.Count(t => t.PrId == "PR-001" && t.To == "completed"));
        Assert.Equal(1, transitions.Count(t => t.PrId == "PR-002" && t.To == "completed"));
        Assert.Contains(hub.Log.Items.OfType<AgentNodeVerdict>(), v => v.Proven && v.Detail == "w");
        Assert.Equal("// PR-001: Change part 1 (fake-coder)\n", await File.ReadAllTextAsync(Path.Combine(hub.RepoPath, "src/a.txt")));
        var log = HubNode.Git(hub.RepoPath, "log", "--format=%s");
        Assert.Contains("PR-001: Change part 1", log);
        Assert.Contains("PR-002: Change part 2", log);
        var prLog = await File.ReadAllTextAsync(Path.Combine(hub.RepoPath, ".lemegeton/agents/w/PR-001.log"));
        Assert.Contains("fake-coder: PR-001 done", prLog);
        Assert.Contains("exit 0", prLog);
    }

    [Fact]
    public async Task A_failing_command_is_retried_until_the_hub_marks_the_pr_broken_with_the_reason()
    {
        await using var hub = await HubNode.StartAsync(TestTaskList.Build(["src/a.txt"]), maxAttempts: 3);
        var calls = Path.Combine(hub.Root, "calls.txt");
        await using var agent = StartAgent(hub, "w", $"echo {{pr_id}} {{title}} $LEMEGETON_FENCING_TOKEN >> '{calls}'; exit 3");

        await hub.Log.WaitFor("PR-001 broken", Reached("PR-001", "broken"), Patience);

        Assert.Equal(2, hub.Log.Items.OfType<PrReleased>().Count(r => r.PrId == "PR-001"));
        var broken = hub.Log.Items.OfType<PrTransitioned>().Single(t => t.PrId == "PR-001" && t.To == "broken");
        Assert.Contains("failed 3 times", broken.Reason);
        Assert.Contains("exited with code 3", broken.Reason);
        var lines = await File.ReadAllLinesAsync(calls);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("PR-001 Change part 1 ", l));
        Assert.Equal(3, lines.Select(l => l.Split(' ')[^1]).Distinct().Count()); // a fresh fencing token per attempt
    }

    [Fact]
    public async Task A_command_that_hangs_is_stopped_at_the_timeout_with_its_whole_process_tree_and_the_pr_fails()
    {
        await using var hub = await HubNode.StartAsync(TestTaskList.Build(["src/a.txt"]), maxAttempts: 1);
        var pids = Path.Combine(hub.Root, "pids");
        Directory.CreateDirectory(pids);
        var script = Path.Combine(hub.Root, "hang.sh");
        await File.WriteAllTextAsync(script, $"sleep 600 &\necho $! > '{pids}/child'\necho $$ > '{pids}/shell'\nwait\n");
        await using var agent = StartAgent(hub, "w", $"sh '{script}'", "--timeout", "2s");

        await hub.Log.WaitFor("PR-001 broken after the timeout", Reached("PR-001", "broken"), Patience);

        var broken = hub.Log.Items.OfType<PrTransitioned>().Single(t => t.PrId == "PR-001" && t.To == "broken");
        Assert.Contains("did not finish within 2 s", broken.Reason);
        var child = int.Parse(await File.ReadAllTextAsync(Path.Combine(pids, "child")), System.Globalization.CultureInfo.InvariantCulture);
        var shell = int.Parse(await File.ReadAllTextAsync(Path.Combine(pids, "shell")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Posix.IsAlive(shell), "the command's shell still runs");
        Assert.False(Posix.IsAlive(child), "the command's background child still runs: the process tree was not killed");
        Assert.Contains("stopped (timeout after 2 s)", await File.ReadAllTextAsync(Path.Combine(hub.RepoPath, ".lemegeton/agents/w/PR-001.log")));
    }

    [Fact]
    public async Task A_lease_acquired_from_inside_the_command_is_refused_naming_the_agent_and_pr_that_hold_it()
    {
        await using var hub = await HubNode.StartAsync(TestTaskList.Build(["src/a.txt"], ["src/b.txt"]));
        var dir = Path.Combine(hub.Root, "signals");
        Directory.CreateDirectory(dir);
        var script = Path.Combine(hub.Root, "lease.sh");
        // The PR holding src/b.txt waits until the other PR has tried to lease it; that one tries, then takes a free file.
        await File.WriteAllTextAsync(script, $$"""
            if [ "$LEMEGETON_PR_ID" = PR-002 ]; then
              touch '{{dir}}/holding'
              while [ ! -f '{{dir}}/tried' ]; do sleep 0.1; done
              exit 0
            fi
            while [ ! -f '{{dir}}/holding' ]; do sleep 0.1; done
            {{LemegetonProcess.ShellCommand}} lease acquire src/b.txt > '{{dir}}/refused.out' 2>&1
            echo $? > '{{dir}}/refused.code'
            {{LemegetonProcess.ShellCommand}} lease acquire src/extra.txt > '{{dir}}/granted.out' 2>&1
            echo $? > '{{dir}}/granted.code'
            {{LemegetonProcess.ShellCommand}} progress 50 "half way" > '{{dir}}/progress.out' 2>&1
            touch '{{dir}}/tried'
            """);
        await using var agent = StartAgent(hub, "w", $"sh '{script}'", "--count", "2");

        await hub.Log.WaitFor("both PRs completed", items => Reached("PR-001", "completed")(items) && Reached("PR-002", "completed")(items), Patience);

        Assert.Equal("1", (await File.ReadAllTextAsync(Path.Combine(dir, "refused.code"))).Trim());
        var refused = await File.ReadAllTextAsync(Path.Combine(dir, "refused.out"));
        Assert.Matches("src/b.txt is leased by agent w-[12] for PR-002", refused);
        Assert.Equal("0", (await File.ReadAllTextAsync(Path.Combine(dir, "granted.code"))).Trim());
        Assert.Contains("leased: src/extra.txt", await File.ReadAllTextAsync(Path.Combine(dir, "granted.out")));
        Assert.Contains(hub.Log.Items.OfType<LeaseGranted>(), g => g.PrId == "PR-001" && g.Files.Contains("src/extra.txt"));
    }

    [Fact]
    public async Task An_agent_without_the_hubs_secret_is_refused_unauthorized_and_exits_3()
    {
        await using var hub = await HubNode.StartAsync(TestTaskList.Build(["src/a.txt"]), registrationDeadline: TimeSpan.FromSeconds(60));
        var wrong = ClusterSecret.LoadOrCreate(Path.Combine(hub.Root, "other"));
        await using var agent = StartAgent(hub, "intruder", "true", "--secret", wrong.Path);

        Assert.Equal(3, await agent.WaitForExitAsync(Patience));
        Assert.Contains("does not match the hub's cluster secret", agent.Output);
        Assert.Contains(hub.Log.Items.OfType<AgentNodeVerdict>(), v => !v.Proven);
        Assert.DoesNotContain(hub.Log.Items.OfType<AgentRegistered>(), r => r.AgentId == "intruder");
    }

    [Fact]
    public async Task With_worktree_each_pr_is_worked_in_the_agents_own_worktree_on_its_own_branch()
    {
        await using var hub = await HubNode.StartAsync(TestTaskList.Build(["src/a.txt"]));
        await using var agent = StartAgent(hub, "w", $"{LemegetonProcess.ShellCommand} fake-coder; pwd > \"$LEMEGETON_REPOSITORY/pwd.txt\"; echo \"$LEMEGETON_BRANCH\" >> \"$LEMEGETON_REPOSITORY/pwd.txt\"", "--worktree");

        await hub.Log.WaitFor("PR-001 completed", Reached("PR-001", "completed"), Patience);

        var lines = await File.ReadAllLinesAsync(Path.Combine(hub.RepoPath, "pwd.txt"));
        Assert.Equal(Path.Combine(hub.RepoPath, ".lemegeton/worktrees/w"), lines[0]);
        Assert.Equal("agent-w-PR-001", lines[1]);
        Assert.Equal("PR-001: Change part 1", HubNode.Git(hub.RepoPath, "log", "-1", "--format=%s", "agent-w-PR-001"));
        Assert.False(File.Exists(Path.Combine(hub.RepoPath, "src/a.txt")), "the main working tree was touched");

        await agent.DisposeAsync();
        Assert.False(Directory.Exists(Path.Combine(hub.RepoPath, ".lemegeton/worktrees/w")), "the worktree was not removed when the agent stopped");
    }

    [Fact]
    public async Task Sigterm_stops_the_running_command_hands_the_pr_back_with_bye_and_exits_0()
    {
        await using var hub = await HubNode.StartAsync(TestTaskList.Build(["src/a.txt"]));
        var pids = Path.Combine(hub.Root, "pids");
        Directory.CreateDirectory(pids);
        var script = Path.Combine(hub.Root, "hang.sh");
        await File.WriteAllTextAsync(script, $"sleep 600 &\necho $! > '{pids}/child'\necho started\nwait\n");
        var agent = StartAgent(hub, "w", $"sh '{script}'");
        await using (agent)
        {
            await agent.WaitForLine("assigned PR-001", Patience);
            var log = Path.Combine(hub.RepoPath, ".lemegeton/agents/w/PR-001.log");
            for (var i = 0; i < 200 && !(File.Exists(Path.Combine(pids, "child")) && new FileInfo(Path.Combine(pids, "child")).Length > 0); i++) await Task.Delay(50);

            agent.Terminate();

            Assert.Equal(0, await agent.WaitForExitAsync(Patience));
            var child = int.Parse(await File.ReadAllTextAsync(Path.Combine(pids, "child")), System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(Posix.IsAlive(child), "the command's child outlived the agent");
            Assert.Contains("stopped (work taken back)", await File.ReadAllTextAsync(log));
        }
        await hub.Log.WaitFor("the session ended by bye", items => items.OfType<AgentRemoved>().Any(r => r.Reason == SessionEndReasons.Bye), Patience);
        Assert.Empty(hub.Log.Items.OfType<PrReleased>());
        Assert.DoesNotContain(hub.Log.Items.OfType<PrTransitioned>(), t => t.To == "broken");
    }
}
