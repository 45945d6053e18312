using AgentTypes = Lemegeton.Core.Scheduling.AgentTypes;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using Lemegeton.Core.Leases;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Serialization;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>
/// The coordinator on a real cluster: a hub node and agent nodes (each its own actor system, loopback
/// TCP), the local journal in a temp folder, the task list in a real git repository.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CoordinatorClusterTests
{
    // Generous: the machine running the suite may be busy.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Thirty_prs_with_dependencies_and_shared_files_complete_with_three_workers_and_a_qc_agent()
    {
        const int count = 30;
        await using var cluster = await TestCluster.StartAsync(TestTaskLists.Build(count), heartbeatTimeout: TimeSpan.FromSeconds(30));
        var monitor = cluster.Hub.ActorOf(Props.Create(() => new Sink()), "monitor");
        foreach (var id in new[] { "w1", "w2", "w3" }) cluster.StartAgent(id, AgentTypes.Worker, TestAgentBehaviour.Work, monitor);
        cluster.StartAgent("qc1", AgentTypes.Qc, TestAgentBehaviour.Work, monitor);

        await cluster.Log.WaitFor($"{count} PRs approved and every cold transition committed", items =>
        {
            var transitions = items.OfType<PrTransitioned>().Count();
            return items.OfType<PrTransitioned>().Count(t => t.To == "approved") == count
                && items.OfType<GitCommitted>().Count() + items.OfType<GitCommitFailed>().Count() == transitions;
        }, Patience);

        var events = cluster.Log.Events;
        var transitions = events.OfType<PrTransitioned>().ToList();
        for (var i = 1; i <= count; i++)
        {
            var id = TestTaskLists.Id(i);
            Assert.Equal(1, transitions.Count(t => t.PrId == id && t.To == "completed"));
            Assert.Equal(1, transitions.Count(t => t.PrId == id && t.To == "approved"));
        }
        AssertDependencyOrder(events, count);
        AssertNoFileLeasedTwice(events);
        Assert.Empty(cluster.Occupancy.Violations);

        Assert.Empty(cluster.Log.Items.OfType<GitCommitFailed>());
        Assert.All(cluster.Log.Items.OfType<GitCommitted>(), c => Assert.NotNull(c.Commit));
        Assert.Equal(transitions.Count, cluster.CommitCount() - cluster.InitialCommits);
        // new → ready (27 by cascade), → completed, → approved.
        Assert.Equal(count - 3 + 2 * count, transitions.Count);
    }

    [Fact]
    public async Task The_pr_of_an_agent_whose_node_dies_mid_pr_goes_to_another_agent_and_completes()
    {
        const int count = 4;
        // A long heartbeat timeout: only DeathWatch can end the session in time.
        await using var cluster = await TestCluster.StartAsync(TestTaskLists.Build(count, _ => []), heartbeatTimeout: TimeSpan.FromMinutes(5));
        var kit = new TestKit(cluster.Hub);
        var monitor = kit.CreateTestProbe();
        var doomed = cluster.StartAgent("doomed", AgentTypes.Worker, TestAgentBehaviour.StallOnAssign, monitor.Ref);
        var taken = monitor.ExpectMsg<AgentReport>(Patience).Assignment;

        cluster.StartAgent("w2", AgentTypes.Worker, TestAgentBehaviour.Work, monitor.Ref);
        cluster.StartAgent("w3", AgentTypes.Worker, TestAgentBehaviour.Work, monitor.Ref);
        await doomed.Terminate();

        await cluster.Log.WaitFor("every PR completed", items => items.OfType<PrTransitioned>().Count(t => t.To == "completed") == count, Patience);
        var events = cluster.Log.Events;
        var doomedSession = events.OfType<AgentRegistered>().Single(a => a.AgentId == "doomed").SessionId;
        var removed = Assert.Single(events.OfType<AgentRemoved>(), r => r.SessionId == doomedSession);
        Assert.Equal(SessionEndReasons.AgentTerminated, removed.Reason);
        var completion = events.OfType<PrTransitioned>().Single(t => t.PrId == taken.PrId && t.To == "completed");
        Assert.NotEqual("doomed", completion.AgentId);
        Assert.True(completion.FencingToken > taken.FencingToken);
        AssertNoFileLeasedTwice(events);
    }

    [Fact]
    public async Task The_pr_of_a_hung_agent_is_reassigned_after_the_heartbeat_timeout()
    {
        const int count = 3;
        await using var cluster = await TestCluster.StartAsync(TestTaskLists.Build(count, _ => []), heartbeatTimeout: TimeSpan.FromSeconds(3));
        var kit = new TestKit(cluster.Hub);
        var monitor = kit.CreateTestProbe();
        cluster.StartAgent("hung", AgentTypes.Worker, TestAgentBehaviour.HangOnAssign, monitor.Ref);
        var taken = monitor.ExpectMsg<AgentReport>(Patience).Assignment;
        cluster.StartAgent("w2", AgentTypes.Worker, TestAgentBehaviour.Work, monitor.Ref);

        await cluster.Log.WaitFor("every PR completed", items => items.OfType<PrTransitioned>().Count(t => t.To == "completed") == count, Patience);
        var events = cluster.Log.Events;
        var hungSession = events.OfType<AgentRegistered>().Single(a => a.AgentId == "hung").SessionId;
        Assert.Equal(SessionEndReasons.HeartbeatTimeout, Assert.Single(events.OfType<AgentRemoved>(), r => r.SessionId == hungSession).Reason);
        var completion = events.OfType<PrTransitioned>().Single(t => t.PrId == taken.PrId && t.To == "completed");
        Assert.Equal("w2", completion.AgentId);
    }

    [Fact]
    public async Task A_stale_fencing_token_and_invalid_messages_are_refused_with_protocol_errors()
    {
        await using var cluster = await TestCluster.StartAsync(TestTaskLists.Build(2, _ => []), heartbeatTimeout: TimeSpan.FromMinutes(5));
        var kit = new TestKit(cluster.Hub);
        var agent = kit.CreateTestProbe();
        agent.Send(cluster.HubProxy, new RegisterAgent("r1", 1, "probe", AgentTypes.Worker, "sonnet", 10));
        agent.ExpectMsg<Welcome>(Patience);
        var session = agent.LastSender;

        var first = agent.ExpectMsg<AssignPr>(Patience);
        session.Tell(new AcquireLeases("l0", first.PrId, ["../outside.cs"]), agent.Ref);
        Assert.Equal(ErrorCodes.InvalidPath, agent.ExpectMsg<ProtocolError>(Patience).Code);
        session.Tell(new CompletePr("", first.PrId, first.FencingToken), agent.Ref);
        Assert.Equal(ErrorCodes.InvalidMessage, agent.ExpectMsg<ProtocolError>(Patience).Code);
        session.Tell(new AcquireLeases("l1", first.PrId, first.Files), agent.Ref);
        Assert.Equal(first.FencingToken, agent.ExpectMsg<LeasesGranted>(Patience).FencingToken);
        session.Tell(new CompletePr("c1", first.PrId, first.FencingToken), agent.Ref);
        agent.ExpectMsg<Ack>(Patience);

        var second = agent.ExpectMsg<AssignPr>(Patience);
        Assert.True(second.FencingToken > first.FencingToken);
        session.Tell(new CompletePr("c2", second.PrId, first.FencingToken), agent.Ref);
        var stale = agent.ExpectMsg<ProtocolError>(Patience);
        Assert.Equal(ErrorCodes.StaleFencingToken, stale.Code);
        Assert.Equal("c2", stale.Re);
        session.Tell(new CompletePr("c3", second.PrId, second.FencingToken), agent.Ref);
        Assert.Equal("c3", agent.ExpectMsg<Ack>(Patience).Re);
        Assert.Single(cluster.Log.Events.OfType<PrTransitioned>(), t => t.PrId == second.PrId);
    }

    [Fact]
    public async Task After_a_hub_restart_state_comes_back_from_journal_and_snapshot_and_fencing_tokens_continue()
    {
        await using var cluster = await TestCluster.StartAsync(TestTaskLists.Build(3, _ => []), heartbeatTimeout: TimeSpan.FromMinutes(5), snapshotEvery: 3);
        var kit = new TestKit(cluster.Hub);
        var agent = kit.CreateTestProbe();
        agent.Send(cluster.HubProxy, new RegisterAgent("r1", 1, "probe", AgentTypes.Worker, "sonnet", 10));
        agent.ExpectMsg<Welcome>(Patience);
        var session = agent.LastSender;
        var first = agent.ExpectMsg<AssignPr>(Patience);
        session.Tell(new CompletePr("c1", first.PrId, first.FencingToken), agent.Ref);
        agent.ExpectMsg<Ack>(Patience);
        var second = agent.ExpectMsg<AssignPr>(Patience);
        session.Tell(new AcquireLeases("l2", second.PrId, second.Files), agent.Ref);
        agent.ExpectMsg<LeasesGranted>(Patience);

        await cluster.RestartHubAsync();
        kit = new TestKit(cluster.Hub);
        var again = kit.CreateTestProbe();
        again.Send(cluster.HubProxy, GetCoordinatorState.Instance);
        var state = again.ExpectMsg<CoordinatorSnapshot>(Patience);
        Assert.Equal("completed", state.ColdStates[first.PrId]);
        Assert.Empty(state.Agents);          // the old session was reclaimed on recovery …
        Assert.Empty(state.Leases);          // … with its leases
        Assert.Empty(state.Assignments);     // … and its PR
        Assert.Equal(second.FencingToken, state.FencingCounter);

        again.Send(cluster.HubProxy, new RegisterAgent("r2", 1, "probe", AgentTypes.Worker, "sonnet", 10));
        again.ExpectMsg<Welcome>(Patience);
        var next = again.ExpectMsg<AssignPr>(Patience);
        Assert.True(next.FencingToken > second.FencingToken, $"token {next.FencingToken} after restart must exceed {second.FencingToken}");
        Assert.True(Directory.EnumerateFiles(Path.Combine(cluster.Root, "snapshots")).Any(), "a snapshot was saved");
    }

    private static void AssertDependencyOrder(IReadOnlyList<IPersistedEvent> events, int count)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e is PrTransitioned { To: "completed" } t) done.Add(t.PrId);
            if (e is PrAssigned { Work: "implement" } a)
            {
                var i = int.Parse(a.PrId.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);
                foreach (var dep in TestTaskLists.Dependencies(i, count))
                    Assert.True(done.Contains(dep), $"{a.PrId} was assigned before its dependency {dep} was completed");
            }
        }
    }

    /// <summary>Replays the journal order: a grant may not overlap a lease another session still holds.</summary>
    private static void AssertNoFileLeasedTwice(IReadOnlyList<IPersistedEvent> events)
    {
        var held = new Dictionary<string, (string Session, string Pr)>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            switch (e)
            {
                case LeaseGranted g:
                    foreach (var f in g.Files)
                        foreach (var (path, holder) in held)
                            Assert.False(holder.Session != g.SessionId && LeasePaths.Overlaps(f, path),
                                $"{f} leased to {g.SessionId} while {holder.Session} held {path}");
                    foreach (var f in g.Files) held[f] = (g.SessionId, g.PrId);
                    break;
                case LeasesReleased r:
                    foreach (var k in held.Where(h => h.Value.Session == r.SessionId && (r.Files.Count == 0 || r.Files.Contains(h.Key))).Select(h => h.Key).ToList()) held.Remove(k);
                    break;
                case AgentRemoved r:
                    foreach (var k in held.Where(h => h.Value.Session == r.SessionId).Select(h => h.Key).ToList()) held.Remove(k);
                    break;
                case PrTransitioned t:
                    foreach (var k in held.Where(h => h.Value.Pr == t.PrId).Select(h => h.Key).ToList()) held.Remove(k);
                    break;
                case PrReleased p:
                    foreach (var k in held.Where(h => h.Value.Pr == p.PrId).Select(h => h.Key).ToList()) held.Remove(k);
                    break;
            }
        }
    }

    private sealed class Sink : ReceiveActor
    {
        public Sink() => ReceiveAny(_ => { });
    }
}
