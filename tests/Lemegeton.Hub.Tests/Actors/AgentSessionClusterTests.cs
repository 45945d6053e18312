using AgentTypes = Lemegeton.Core.Scheduling.AgentTypes;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>Sessions on a real cluster: an agent id taken over after its process crashed, and lease TTLs renewed by heartbeats.</summary>
[Trait("Category", "Slow")]
public sealed class AgentSessionClusterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task An_agent_id_registered_again_while_its_old_agent_hangs_takes_over_the_session_and_a_live_duplicate_is_refused()
    {
        const int count = 3;
        // A long heartbeat timeout: only the takeover check can end the hung agent's session in time.
        await using var cluster = await TestCluster.StartAsync(TestTaskLists.Build(count, _ => []), heartbeatTimeout: TimeSpan.FromMinutes(5),
            configure: (_, s) => s with { TakeoverProbeTimeout = TimeSpan.FromSeconds(1) });
        var kit = new TestKit(cluster.Hub);
        var monitor = kit.CreateTestProbe();
        using var hang = new ManualResetEventSlim();
        try
        {
            // The old process hangs (its node alive, its agent answering nothing); the operator starts a new one with the same id.
            cluster.StartAgent("a1", AgentTypes.Worker, TestAgentBehaviour.BlockOnAssign, monitor.Ref, hang: hang);
            var taken = monitor.ExpectMsg<AgentReport>(Patience).Assignment;
            cluster.StartAgent("a1", AgentTypes.Worker, TestAgentBehaviour.Work, monitor.Ref);
            await cluster.Log.WaitFor("every PR completed", items => items.OfType<PrTransitioned>().Count(t => t.To == "completed") == count, Patience);

            var sessions = cluster.Log.Events.OfType<AgentRegistered>().Where(a => a.AgentId == "a1").Select(a => a.SessionId).ToList();
            Assert.Equal(2, sessions.Count);
            var removed = Assert.Single(cluster.Log.Events.OfType<AgentRemoved>());
            Assert.Equal((sessions[0], SessionEndReasons.Replaced), (removed.SessionId, removed.Reason));
            var completion = cluster.Log.Events.OfType<PrTransitioned>().Single(t => t.PrId == taken.PrId && t.To == "completed");
            Assert.Equal(sessions[1], cluster.Log.Events.OfType<PrAssigned>().Last(a => a.PrId == taken.PrId).SessionId);
            Assert.True(completion.FencingToken > taken.FencingToken);

            // The new a1 is alive and answers: a second registration with its id is refused.
            var duplicate = kit.CreateTestProbe();
            duplicate.Send(cluster.HubProxy, new RegisterAgent("dup", 1, "a1", AgentTypes.Worker, "sonnet", 10));
            Assert.Equal(ErrorCodes.AgentIdInUse, duplicate.ExpectMsg<ProtocolError>(Patience).Code);
            Assert.Single(cluster.Log.Events.OfType<AgentRemoved>());
        }
        finally
        {
            hang.Set();
        }
    }

    [Fact]
    public async Task Leases_expire_after_the_ttl_without_heartbeats_and_live_on_with_them()
    {
        await using var cluster = await TestCluster.StartAsync(TestTaskLists.Build(2, _ => []), heartbeatTimeout: TimeSpan.FromMinutes(5),
            // Heartbeats every 100 ms against a 3 s TTL: only a stall of 3 s on a busy test machine could expire the beating agent's leases.
            configure: (_, s) => s with { LeaseTtl = TimeSpan.FromSeconds(3) });
        var kit = new TestKit(cluster.Hub);

        var beating = kit.CreateTestProbe();
        var (beatingSession, beatingWork, beatingGrant) = cluster.LeaseFirstPr(beating, "beating", Patience);
        var beatingPr = beatingWork.PrId;
        var heartbeats = cluster.Hub.Scheduler.ScheduleTellRepeatedlyCancelable(TimeSpan.Zero, TimeSpan.FromMilliseconds(100), beatingSession,
            new Heartbeat(1, HeartbeatStates.Working, [beatingPr]), beating.Ref);

        var silent = kit.CreateTestProbe();
        var (_, _, silentGrant) = cluster.LeaseFirstPr(silent, "silent", Patience);
        var silentSession = cluster.Log.Events.OfType<AgentRegistered>().Single(a => a.AgentId == "silent").SessionId;
        var beatingSessionId = cluster.Log.Events.OfType<AgentRegistered>().Single(a => a.AgentId == "beating").SessionId;

        // The beating agent was granted first: without renewal its leases would expire first.
        await cluster.Log.WaitFor("the silent agent's leases expired", items => items.OfType<LeasesExpired>().Any(x => x.SessionId == silentSession), Patience);
        heartbeats.Cancel();
        var expired = cluster.Log.Events.OfType<LeasesExpired>().Single(x => x.SessionId == silentSession);
        Assert.Equal(silentGrant.Files.Order(), expired.Files.Order());
        Assert.DoesNotContain(cluster.Log.Events.OfType<LeasesExpired>(), x => x.SessionId == beatingSessionId);
        Assert.DoesNotContain(cluster.Log.Events.OfType<AgentRemoved>(), r => r.SessionId == silentSession); // the session itself lives on

        var state = await cluster.HubProxy.Ask<CoordinatorSnapshot>(GetCoordinatorState.Instance, Patience);
        Assert.Equal(beatingGrant.Files.Order(), state.Leases.SelectMany(l => l.Files).Order());
    }
}
