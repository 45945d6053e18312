using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit.Xunit2;
using Lemegeton.Persistence.Redis;
using Lemegeton.Persistence.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Lemegeton.Persistence.Tests.Redis;

/// <summary>
/// Events and snapshots outlive the actor system that wrote them: a second, new system recovers
/// them from Redis alone.
/// </summary>
public sealed class RedisDurabilityTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    private readonly Config _config = SpecConfig.With(
        redis.PluginConfig(RedisServerFixture.NewKeyPrefix()),
        RedisPersistence.JournalPluginId,
        RedisPersistence.SnapshotStorePluginId);

    private async Task<Recovered> InNewSystem(string pid, Action<TestKit, IActorRef> act)
    {
        var kit = new TestKit(_config, "durability-" + Guid.NewGuid().ToString("N")[..6], output);
        try
        {
            var actor = kit.Sys.ActorOf(EventRecorder.Props(pid, kit.TestActor));
            var recovered = kit.ExpectMsg<Recovered>(TimeSpan.FromSeconds(15));
            act(kit, actor);
            return recovered;
        }
        finally
        {
            await kit.Sys.Terminate();
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_persistent_actor_recovers_its_events_in_a_new_actor_system()
    {
        var pid = "pr-" + Guid.NewGuid().ToString("N")[..8];
        var first = await InNewSystem(pid, (kit, actor) =>
        {
            actor.Tell(new RecordEvent("assigned"));
            actor.Tell(new RecordAll(["lease-granted", "in-progress"]));
            actor.Tell(new RecordAsync("heartbeat"));
            for (var i = 0; i < 4; i++) kit.ExpectMsg<Persisted>();
        });
        Assert.Empty(first.Events);

        var second = await InNewSystem(pid, (_, _) => { });
        Assert.Equal(["assigned", "lease-granted", "in-progress", "heartbeat"], second.Events.Cast<string>());
        Assert.Equal(4, second.LastSequenceNr);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_persistent_actor_recovers_from_its_snapshot_and_the_later_events()
    {
        var pid = "pr-" + Guid.NewGuid().ToString("N")[..8];
        await InNewSystem(pid, (kit, actor) =>
        {
            actor.Tell(new RecordAll(["e1", "e2"]));
            kit.ExpectMsg<Persisted>();
            kit.ExpectMsg<Persisted>();
            actor.Tell(new TakeSnapshot());
            kit.ExpectMsg<Akka.Persistence.SaveSnapshotSuccess>(s => s.Metadata.SequenceNr == 2);
            actor.Tell(new RecordEvent("e3"));
            kit.ExpectMsg<Persisted>();
        });

        // Delete the events the snapshot covers: recovery must come from the snapshot.
        await using (var store = new RedisJournalStore(redis.Settings(_config.GetString("akka.persistence.journal.lemegeton-redis.key-prefix"))))
        {
            await store.DeleteToAsync(pid, 2);
        }

        var recovered = await InNewSystem(pid, (_, _) => { });
        Assert.Equal(["e1", "e2", "e3"], recovered.Events.Cast<string>());
        Assert.Equal(3, recovered.LastSequenceNr);
    }
}
