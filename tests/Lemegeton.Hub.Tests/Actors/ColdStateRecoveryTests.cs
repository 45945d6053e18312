using AgentTypes = Lemegeton.Core.Scheduling.AgentTypes;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using Lemegeton.Core.States;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;
using Lemegeton.Storage.Git;
using LibGit2Sharp;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>On start, cold states in the journal against git: uncommitted transitions committed again, git winning a conflict.</summary>
[Trait("Category", "Slow")]
public sealed class ColdStateRecoveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_cold_transition_journaled_but_not_committed_is_committed_on_start_and_a_cold_state_edited_in_git_wins()
    {
        await using var cluster = await TestCluster.StartAsync(TestTaskLists.Build(3, _ => []), heartbeatTimeout: TimeSpan.FromMinutes(5),
            configure: (_, s) => s with { StateSync = new StateSyncSettings { MaxAttempts = 1 } },
            mirrorOptions: new GitMirrorOptions { BusyRetryInterval = TimeSpan.FromMilliseconds(20), BusyMaxWait = TimeSpan.FromMilliseconds(100) });
        // Git cannot take commits (another git command holds the index lock): the completion is journaled, not committed.
        var indexLock = Path.Combine(cluster.RepoPath, ".git", "index.lock");
        await File.WriteAllTextAsync(indexLock, "");
        var kit = new TestKit(cluster.Hub);
        var agent = kit.CreateTestProbe();
        agent.Send(cluster.HubProxy, new RegisterAgent("r", 1, "a1", AgentTypes.Worker, "sonnet", 10));
        agent.ExpectMsg<Welcome>(Patience);
        var session = agent.LastSender;
        var work = agent.ExpectMsg<AssignPr>(Patience);
        session.Tell(new CompletePr("c", work.PrId, work.FencingToken), agent.Ref);
        agent.ExpectMsg<Ack>(Patience);
        await cluster.Log.WaitFor("the failed commit", items => items.OfType<GitCommitFailed>().Any(), Patience);
        var commitsBefore = cluster.CommitCount();

        // The hub stops; meanwhile a person sets another PR's cold state in git.
        await cluster.Hub.Terminate();
        File.Delete(indexLock);
        var other = work.PrId == "PR-003" ? "PR-002" : "PR-003";
        using (var repo = new Repository(cluster.RepoPath))
        {
            var path = Path.Combine(cluster.RepoPath, TestCluster.TaskListPath);
            var text = await File.ReadAllTextAsync(path);
            await File.WriteAllTextAsync(path, text.Replace($"pr_id: {other}\ntitle: Change part {other[^1]}\ncold_state: ready",
                $"pr_id: {other}\ntitle: Change part {other[^1]}\ncold_state: approved", StringComparison.Ordinal));
            Commands.Stage(repo, TestCluster.TaskListPath);
            var me = new Signature("Person", "person@example.invalid", DateTimeOffset.UtcNow);
            repo.Commit($"{other} approved by hand", me, me);
        }

        cluster.StartHub(cluster.Settings with { StateSync = new StateSyncSettings() });
        await cluster.Log.WaitFor("the transitions committed after the restart", items =>
            items.OfType<ColdTransitionCommitted>().Any(c => c.PrId == work.PrId) && items.OfType<ColdTransitionCommitted>().Any(c => c.PrId == other), Patience);

        Assert.True(cluster.Log.Events.OfType<ColdTransitionCommitted>().Count(c => c.PrId == work.PrId) == 1, string.Join("\n", cluster.Log.Items));
        var gitWins = Assert.Single(cluster.Log.Events.OfType<PrTransitioned>(), t => t.PrId == other);
        Assert.Equal(("ready", "approved"), (gitWins.From, gitWins.To));
        Assert.StartsWith("git wins", gitWins.Reason, StringComparison.Ordinal);
        var recommitted = cluster.Log.Events.OfType<ColdTransitionCommitted>().Single(c => c.PrId == work.PrId);
        Assert.NotNull(recommitted.Commit);
        Assert.Null(cluster.Log.Events.OfType<ColdTransitionCommitted>().Single(c => c.PrId == other).Commit); // already in git
        Assert.Equal(commitsBefore + 2, cluster.CommitCount()); // the person's commit and the re-committed completion

        var head = await cluster.Settings.GitMirror!.ReadHeadAsync();
        Assert.True(head.TryGet(work.PrId, out var done));
        Assert.Equal(ColdState.Completed, done.ColdState);
        var state = await cluster.HubProxy.Ask<CoordinatorSnapshot>(GetCoordinatorState.Instance, Patience);
        Assert.Equal("approved", state.ColdStates[other]);
        Assert.Empty(state.PendingCommits ?? []);
    }
}
