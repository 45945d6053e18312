using AgentTypes = Lemegeton.Core.Scheduling.AgentTypes;
using Akka.Actor;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Events;
using Lemegeton.Persistence.Redis;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Storage.Redis;
using LibGit2Sharp;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>
/// Coordination modes on a real cluster: a real redis-server killed with SIGKILL and started again
/// under a hub journaling through the failover journal (Redis primary, local fallback), and the merge
/// of agent branches back into a real git repository after degraded mode.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CoordinationModeClusterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private const string PersistenceId = "lemegeton-hub-coordinator";

    [Fact]
    public async Task Redis_killed_makes_the_hub_degraded_and_tells_agents_work_goes_on_and_redis_back_brings_distributed_with_the_journal_whole()
    {
        const int count = 10;
        var dir = Directory.CreateTempSubdirectory("lmg-mode-").FullName;
        var options = new RedisServerOptions
        {
            Directory = Path.Combine(dir, "redis"),
            Port = FreePort.Find(),
            Password = "test-" + Guid.NewGuid().ToString("N"),
            AppendOnly = true,
            AppendFsync = "always",
        };
        Directory.CreateDirectory(options.Directory);
        var redis = await RedisServerProcess.StartAsync(options, TimeProvider.System);
        using var mux = await ConnectionMultiplexer.ConnectAsync(redis.Connection.ToConfigurationOptions("hub-mode-test"));
        await using var checker = new RedisHealthChecker(mux, new RedisHealthOptions { Timeout = TimeSpan.FromMilliseconds(500) }, TimeProvider.System,
            NullLogger<RedisHealthChecker>.Instance, "hub-mode-test:health");
        var prefix = "t" + Guid.NewGuid().ToString("N")[..8] + ":";
        var journal = $$"""
            akka.persistence.journal.plugin = "akka.persistence.journal.lemegeton-failover"
            akka.persistence.journal.lemegeton-failover {
              primary {
                factory = "{{typeof(RedisJournalStoreFactory).AssemblyQualifiedName}}"
                connection-string = "redis://:{{options.Password}}@127.0.0.1:{{options.Port}}/0"
                key-prefix = "{{prefix}}"
                write-timeout = 1s
              }
              local.directory = "{{Path.Combine(dir, "journal-local")}}"
              write-timeout = 1s
              catch-up-interval = 300ms
            }
            """;
        try
        {
            await using var cluster = await TestCluster.StartAsync(TestTaskLists.Build(count, _ => []), heartbeatTimeout: TimeSpan.FromSeconds(30), journalHocon: journal,
                configure: (_, s) => s with
                {
                    Modes = new CoordinationModeSettings
                    {
                        HealthCheck = checker.CheckOnceAsync,
                        CheckInterval = TimeSpan.FromMilliseconds(200),
                        FailureThreshold = 3,
                        Cooldown = TimeSpan.FromSeconds(1),
                    },
                });
            var heard = new HubEventLog();
            cluster.StartAgent("w1", AgentTypes.Worker, TestAgentBehaviour.Work, heard.Sink(cluster.Hub, "heard"), workTime: TimeSpan.FromMilliseconds(300));

            await cluster.Log.WaitFor("a first PR completed", items => items.OfType<PrTransitioned>().Any(t => t.To == "completed"), Patience);
            redis.Kill();

            await cluster.Log.WaitFor("the switch to degraded", items => items.OfType<CoordinationModeSwitched>().Any(m => m.To == "degraded"), Patience);
            var down = cluster.Log.Events.OfType<CoordinationModeSwitched>().Single(m => m.To == "degraded");
            Assert.Equal(("distributed", "SWITCH_TO_BRANCHES"), (down.From, down.Action));
            await heard.WaitFor("the agent told to switch to branches", items => items.OfType<AgentHeard>().Any(h => h.Announcement.Action == ModeAction.SwitchToBranches), Patience);
            await cluster.Log.WaitFor("a PR completed while degraded", items => items.SkipWhile(i => i is not CoordinationModeSwitched).OfType<PrTransitioned>().Any(t => t.To == "completed"), Patience);
            Assert.True(cluster.Log.Events.OfType<PrTransitioned>().Count(t => t.To == "completed") < count, "work must be left for after Redis is back");

            redis = await RedisServerProcess.StartAsync(options, TimeProvider.System);
            await cluster.Log.WaitFor("the switch back to distributed", items => items.OfType<CoordinationModeSwitched>().Any(m => m.To == "distributed"), Patience);
            var up = cluster.Log.Events.OfType<CoordinationModeSwitched>().Single(m => m.To == "distributed");
            Assert.Equal(("degraded", "MERGE_TO_MAIN"), (up.From, up.Action));
            await heard.WaitFor("the agent told to merge to main", items => items.OfType<AgentHeard>().Any(h => h.Announcement.Action == ModeAction.MergeToMain), Patience);

            await cluster.Log.WaitFor("every PR completed and committed", items =>
            {
                var transitions = items.OfType<PrTransitioned>().Count();
                return items.OfType<PrTransitioned>().Count(t => t.To == "completed") == count
                    && items.OfType<ColdTransitionCommitted>().Count() == transitions;
            }, Patience);
            for (var i = 1; i <= count; i++)
                Assert.Single(cluster.Log.Events.OfType<PrTransitioned>(), t => t.PrId == TestTaskLists.Id(i) && t.To == "completed");

            // The journal in Redis catches up exactly once: every persisted event, numbered 1..n, nothing twice.
            var persisted = cluster.Log.Events.Count;
            var db = mux.GetDatabase();
            var key = prefix + "journal:" + PersistenceId;
            await WaitUntil("the Redis journal caught up", async () => await db.StreamLengthAsync(key) >= persisted);
            var entries = await db.StreamRangeAsync(key);
            Assert.Equal(Enumerable.Range(1, persisted).Select(n => $"{n}-0"), entries.Select(e => e.Id.ToString()));
        }
        finally
        {
            redis.Kill();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task Back_from_degraded_agent_branches_merge_with_no_ff_and_a_conflicting_one_stays_unmerged_and_breaks_its_pr()
    {
        var healthy = true;
        await using var cluster = await TestCluster.StartAsync(TestTaskLists.Build(3, _ => []), heartbeatTimeout: TimeSpan.FromSeconds(30),
            configure: (_, s) => s with
            {
                Modes = new CoordinationModeSettings
                {
                    HealthCheck = () => Task.FromResult(new RedisHealthReport(Volatile.Read(ref healthy) ? RedisHealthStatus.Healthy : RedisHealthStatus.Unhealthy,
                        null, null, DateTimeOffset.UtcNow, 0, false)),
                    CheckInterval = TimeSpan.FromMilliseconds(100),
                    Cooldown = TimeSpan.FromMilliseconds(300),
                },
            });
        cluster.StartAgent("w1", AgentTypes.Worker, TestAgentBehaviour.Work, cluster.Log.Sink(cluster.Hub, "monitor"));
        await cluster.Log.WaitFor("3 PRs completed and committed", items =>
            items.OfType<PrTransitioned>().Count(t => t.To == "completed") == 3
            && items.OfType<ColdTransitionCommitted>().Count() == items.OfType<PrTransitioned>().Count(), Patience);

        Volatile.Write(ref healthy, false);
        await cluster.Log.WaitFor("the switch to degraded", items => items.OfType<CoordinationModeSwitched>().Any(m => m.To == "degraded"), Patience);

        // What agents do in degraded mode: commit on agent-{agent}-{pr}; meanwhile main moves on.
        string cleanTip, conflictTip;
        using (var repo = new Repository(cluster.RepoPath))
        {
            var me = new Signature("Agent", "agent@example.invalid", DateTimeOffset.UtcNow);
            var main = repo.Head;
            cleanTip = CommitOnBranch(repo, "agent-w1-PR-001", "src/Area1/Part1.cs", "// part 1\n", me);
            conflictTip = CommitOnBranch(repo, "agent-w1-PR-002", "src/Shared/Common2.cs", "// theirs\n", me);
            Commands.Checkout(repo, main);
            Directory.CreateDirectory(Path.Combine(cluster.RepoPath, "src/Shared"));
            File.WriteAllText(Path.Combine(cluster.RepoPath, "src/Shared/Common2.cs"), "// ours\n");
            Commands.Stage(repo, "src/Shared/Common2.cs");
            repo.Commit("main moves on", me, me);
        }

        Volatile.Write(ref healthy, true);
        await cluster.Log.WaitFor("both branches handled", items =>
            items.OfType<AgentBranchMerged>().Any() && items.OfType<AgentBranchConflicted>().Any(), Patience);
        var merged = Assert.Single(cluster.Log.Events.OfType<AgentBranchMerged>());
        Assert.Equal(("PR-001", "agent-w1-PR-001"), (merged.PrId, merged.Branch));
        var conflicted = Assert.Single(cluster.Log.Events.OfType<AgentBranchConflicted>());
        Assert.Equal(("PR-002", "agent-w1-PR-002"), (conflicted.PrId, conflicted.Branch));
        Assert.Equal(["src/Shared/Common2.cs"], conflicted.Files);
        Assert.Contains(cluster.Log.Events.OfType<PrTransitioned>(), t => t.PrId == "PR-002" && t.From == "completed" && t.To == "broken");

        using (var repo = new Repository(cluster.RepoPath))
        {
            var mergeCommit = repo.Lookup<Commit>(merged.Commit);
            Assert.Equal(2, mergeCommit.Parents.Count());             // --no-ff: a merge commit even where a fast-forward would do
            Assert.Equal(cleanTip, mergeCommit.Parents.Last().Sha);
            Assert.Null(repo.Branches["agent-w1-PR-001"]);             // merged: deleted
            Assert.Equal(conflictTip, repo.Branches["agent-w1-PR-002"].Tip.Sha); // conflicting: left as it was
            Assert.Equal("// part 1\n", File.ReadAllText(Path.Combine(cluster.RepoPath, "src/Area1/Part1.cs")));
            Assert.Equal("// ours\n", File.ReadAllText(Path.Combine(cluster.RepoPath, "src/Shared/Common2.cs")));
            Assert.Equal(CurrentOperation.None, repo.Info.CurrentOperation);
        }
    }

    private static string CommitOnBranch(Repository repo, string name, string path, string content, Signature who)
    {
        var branch = repo.CreateBranch(name);
        Commands.Checkout(repo, branch);
        var full = Path.Combine(repo.Info.WorkingDirectory, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        Commands.Stage(repo, path);
        return repo.Commit(name, who, who).Sha;
    }

    /// <summary>Polls a condition on an outside system (Redis) that gives no signal of its own.</summary>
    private static async Task WaitUntil(string what, Func<Task<bool>> condition)
    {
        using var cts = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            if (cts.IsCancellationRequested) throw new TimeoutException("Timed out waiting for " + what);
            await Task.Delay(100, CancellationToken.None);
        }
    }
}
