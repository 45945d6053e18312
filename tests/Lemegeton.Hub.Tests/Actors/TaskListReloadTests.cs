using System.Text.RegularExpressions;
using AgentTypes = Lemegeton.Core.Scheduling.AgentTypes;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>The task list reloaded while the hub runs: on a file edit (watcher, debounced) and on <see cref="ReloadTaskList"/> (SIGHUP).</summary>
[Trait("Category", "Slow")]
public sealed class TaskListReloadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary><see cref="TestTaskLists.Build"/> of <paramref name="count"/> independent PRs without those in <paramref name="without"/>.</summary>
    private static string List(int count, params string[] without)
    {
        var text = TestTaskLists.Build(count, _ => []);
        foreach (var id in without)
            text = Regex.Replace(text, $@"### {id}:.*?(?=### PR-|\z)", "", RegexOptions.Singleline);
        return text;
    }

    [Fact]
    public async Task An_edited_task_list_is_picked_up_new_prs_run_and_a_removed_pr_loses_its_hot_state()
    {
        await using var cluster = await TestCluster.StartAsync(List(3), heartbeatTimeout: TimeSpan.FromMinutes(5),
            configure: (c, s) => s with { TaskListWatch = new TaskListWatchSettings { Path = Path.Combine(c.RepoPath, TestCluster.TaskListPath), Debounce = TimeSpan.FromMilliseconds(100) } });
        var kit = new TestKit(cluster.Hub);
        var holder = kit.CreateTestProbe();
        holder.Send(cluster.HubProxy, new RegisterAgent("r", 1, "holder", AgentTypes.Worker, "sonnet", 10));
        holder.ExpectMsg<Welcome>(Patience);
        var held = holder.ExpectMsg<AssignPr>(Patience);

        await File.WriteAllTextAsync(Path.Combine(cluster.RepoPath, TestCluster.TaskListPath), List(4, held.PrId));
        await cluster.Log.WaitFor("the reload", items => items.OfType<TaskListReloaded>().Any(), Patience);
        var reloaded = Assert.Single(cluster.Log.Events.OfType<TaskListReloaded>());
        Assert.Equal(["PR-004"], reloaded.Added);
        Assert.Equal([held.PrId], reloaded.Removed);
        Assert.Equal(held.PrId, holder.FishForMessage<RevokePr>(_ => true, Patience).PrId);
        holder.LastSender.Tell(new Bye("done"), holder.Ref);

        cluster.StartAgent("w1", AgentTypes.Worker, TestAgentBehaviour.Work, cluster.Log.Sink(cluster.Hub, "monitor"));
        var remaining = new[] { "PR-001", "PR-002", "PR-003", "PR-004" }.Where(id => id != held.PrId).ToList();
        await cluster.Log.WaitFor("the remaining PRs completed", items =>
            remaining.All(id => items.OfType<PrTransitioned>().Any(t => t.PrId == id && t.To == "completed")), Patience);
        var state = await cluster.HubProxy.Ask<CoordinatorSnapshot>(GetCoordinatorState.Instance, Patience);
        Assert.DoesNotContain(held.PrId, state.ColdStates.Keys);
        Assert.DoesNotContain(state.Assignments, a => a.PrId == held.PrId);
        Assert.DoesNotContain(cluster.Log.Events.OfType<PrTransitioned>(), t => t.PrId == held.PrId);
    }

    [Fact]
    public async Task On_reload_an_invalid_list_is_refused_with_file_and_line_and_the_previous_one_stays_then_a_fixed_one_is_taken()
    {
        await using var cluster = await TestCluster.StartAsync(List(3), heartbeatTimeout: TimeSpan.FromMinutes(5),
            configure: (c, s) => s with { TaskListWatch = new TaskListWatchSettings { Path = Path.Combine(c.RepoPath, TestCluster.TaskListPath), Watch = false } });
        var file = Path.Combine(cluster.RepoPath, TestCluster.TaskListPath);
        var broken = List(4).Replace("pr_id: PR-004\ntitle: Change part 4\ncold_state: ready", "pr_id: PR-004\ntitle: Change part 4\ncold_state: flying", StringComparison.Ordinal);
        var badLine = broken.Split('\n').ToList().FindIndex(l => l == "cold_state: flying") + 1;
        await File.WriteAllTextAsync(file, broken);
        cluster.HubProxy.Tell(ReloadTaskList.Instance);

        await cluster.Log.WaitFor("the refusal", items => items.OfType<TaskListRejected>().Any(), Patience);
        var rejected = Assert.Single(cluster.Log.Items.OfType<TaskListRejected>());
        Assert.Contains(rejected.Errors, e => e.Contains($"task-list.md:{badLine}:", StringComparison.Ordinal) && e.Contains("PR-004", StringComparison.Ordinal));
        var state = await cluster.HubProxy.Ask<CoordinatorSnapshot>(GetCoordinatorState.Instance, Patience);
        Assert.Equal(["PR-001", "PR-002", "PR-003"], state.ColdStates.Keys.Order());

        await File.WriteAllTextAsync(file, List(4));
        cluster.HubProxy.Tell(ReloadTaskList.Instance);
        await cluster.Log.WaitFor("the reload", items => items.OfType<TaskListReloaded>().Any(), Patience);
        Assert.Equal(["PR-004"], Assert.Single(cluster.Log.Events.OfType<TaskListReloaded>()).Added);
        state = await cluster.HubProxy.Ask<CoordinatorSnapshot>(GetCoordinatorState.Instance, Patience);
        Assert.Equal("ready", state.ColdStates["PR-004"]);
    }
}
