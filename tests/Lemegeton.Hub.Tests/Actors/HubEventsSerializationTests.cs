using AgentTypes = Lemegeton.Core.Scheduling.AgentTypes;
using Akka.Actor;
using Akka.Actor.Setup;
using Lemegeton.Core.States;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Serialization;
using Lemegeton.Protocol.Session;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>The coordinator's events through the serializer the journal uses, and the state they rebuild.</summary>
public sealed class HubEventsSerializationTests : IDisposable
{
    private readonly ExtendedActorSystem _system = (ExtendedActorSystem)ActorSystem.Create("hub-events", ActorSystemSetup.Create(
        BootstrapSetup.Create().WithConfig("akka.loglevel = WARNING"),
        LemegetonSerialization.CreateSetup(HubEvents.Registry)));

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    /// <summary>Serializes through the system's serializer for the object, as the journal does.</summary>
    private (string Manifest, object Copy) RoundTrip(object e)
    {
        var serializer = (Akka.Serialization.SerializerWithStringManifest)_system.Serialization.FindSerializerFor(e);
        var manifest = serializer.Manifest(e);
        return (manifest, serializer.FromBinary(serializer.ToBinary(e), manifest));
    }

    public static TheoryData<string, object> Samples() => new()
    {
        { "AgentRegistered", new AgentRegistered("session-1", "w1", AgentTypes.Worker, 1) },
        { "AgentRemoved", new AgentRemoved("session-1", SessionEndReasons.HeartbeatTimeout) },
        { "PrAssigned", new PrAssigned("PR-001", "session-1", "w1", 7, "in-progress", "implement") },
        { "LeaseGranted", new LeaseGranted("session-1", "PR-001", ["src/a.cs", "src/b/"], 7) },
        { "LeasesReleased", new LeasesReleased("session-1", []) },
        { "PrTransitioned", new PrTransitioned("PR-001", "in-progress", "completed", "w1", 7, "done") },
        { "PrReleased", new PrReleased("PR-001", "session-1", "tests: failing") },
        { "CoordinationModeSwitched", new CoordinationModeSwitched("distributed", "degraded", "SWITCH_TO_BRANCHES", "Redis failed 3 health checks in a row") },
        { "ColdTransitionCommitted", new ColdTransitionCommitted(4, "PR-001", "0123abcd") },
        { "LeasesExpired", new LeasesExpired("session-1", ["src/a.cs"]) },
        { "TaskListReloaded", new TaskListReloaded(["PR-004"], ["PR-002"], new Dictionary<string, string> { ["PR-004"] = "ready" }) },
        { "AgentBranchMerged", new AgentBranchMerged("PR-001", "agent-w1-PR-001", "0123abcd") },
        { "AgentBranchConflicted", new AgentBranchConflicted("PR-002", "agent-w1-PR-002", ["src/a.cs"], "conflicts with main") },
        { "SchedulingPaused", new SchedulingPaused("me@host") },
        { "SchedulingResumed", new SchedulingResumed("me@host") },
        { "PrRequeued", new PrRequeued("PR-001", "session-1", "w1", "me@host") },
        { "LeasesForceReleased", new LeasesForceReleased(["src/a.cs"], "me@host") },
        { "AgentKicked", new AgentKicked("session-1", "w1", "me@host") },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_event_has_its_stable_manifest_and_round_trips(string name, object e)
    {
        var (manifest, copy) = RoundTrip(e);
        Assert.Equal("lemegeton.v1.event." + name, manifest);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(e, e.GetType()), System.Text.Json.JsonSerializer.Serialize(copy, copy.GetType()));
    }

    [Fact]
    public void Events_rebuild_the_state_and_a_snapshot_of_it_rebuilds_the_same_state()
    {
        var state = new CoordinatorState([KeyValuePair.Create("PR-001", ColdState.Ready), KeyValuePair.Create("PR-002", ColdState.Ready)], trackCommits: true);
        state.Apply(new AgentRegistered("session-1", "w1", AgentTypes.Worker, 1));
        state.Apply(new AgentRegistered("session-2", "w2", AgentTypes.Worker, 1));
        state.Apply(new PrAssigned("PR-001", "session-1", "w1", 1, "in-progress", "implement"));
        state.Apply(new PrAssigned("PR-002", "session-2", "w2", 2, "in-progress", "implement"));
        state.Apply(new LeaseGranted("session-1", "PR-001", ["src/a.cs"], 1));
        state.Apply(new LeaseGranted("session-2", "PR-002", ["src/b/"], 2));
        Assert.NotNull(state.ConflictFor("session-1", ["src/b/c.cs"]));
        Assert.Null(state.ConflictFor("session-2", ["src/b/c.cs"]));

        state.Apply(new PrTransitioned("PR-001", "in-progress", "completed", "w1", 1, "done"));
        state.Apply(new AgentRemoved("session-2", SessionEndReasons.AgentTerminated));
        Assert.Equal(ColdState.Completed, state.ColdStates["PR-001"]);
        Assert.Empty(state.Assignments);
        Assert.Empty(state.Leases);
        Assert.Equal(2, state.FencingCounter);
        Assert.Equal("session-3", state.NextSessionId());

        var (_, snapshot) = RoundTrip(state.ToSnapshot());
        var restored = new CoordinatorState([KeyValuePair.Create("PR-001", ColdState.Ready), KeyValuePair.Create("PR-002", ColdState.Ready)], trackCommits: true);
        restored.Apply(snapshot);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(state.ToSnapshot()), System.Text.Json.JsonSerializer.Serialize(restored.ToSnapshot()));
        Assert.Equal(3, restored.NextFencingToken());
        Assert.Equal("completed", Assert.Single(restored.PendingCommits).Transition.To); // the transition not yet in git survives the snapshot

        restored.Apply(new ColdTransitionCommitted(1, "PR-001", "0123abcd"));
        restored.Apply(new CoordinationModeSwitched("distributed", "degraded", "SWITCH_TO_BRANCHES", "test"));
        restored.Apply(new TaskListReloaded([], ["PR-002"], new Dictionary<string, string>()));
        Assert.Empty(restored.PendingCommits);
        Assert.Equal(Lemegeton.Protocol.Coordination.CoordinationMode.Degraded, restored.Mode);
        Assert.DoesNotContain("PR-002", restored.ColdStates.Keys);
        var (_, again) = RoundTrip(restored.ToSnapshot());
        var third = new CoordinatorState([], trackCommits: true);
        third.Apply(again);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(restored.ToSnapshot()), System.Text.Json.JsonSerializer.Serialize(third.ToSnapshot()));
    }
}
