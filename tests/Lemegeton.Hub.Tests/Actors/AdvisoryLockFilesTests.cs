using System.Text.Json;
using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Serialization;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;
using Lemegeton.Storage.Redis;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>
/// Isolated mode writes the hub's leases as advisory lock files (<c>.lemegeton/isolated/locks/{agent}.json</c>)
/// for other processes on the machine, and removes them when the leases go or the hub leaves isolated mode.
/// </summary>
[Trait("Category", "Slow")]
public sealed class AdvisoryLockFilesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static string LocksOf(TestCluster cluster) => Path.Combine(cluster.RepoPath, ".lemegeton", "isolated", "locks");

    private static async Task<TestCluster> StartAsync(CoordinationModeSettings? modes = null) =>
        await TestCluster.StartAsync(TestTaskLists.Build(2, _ => []), heartbeatTimeout: TimeSpan.FromMinutes(5),
            configure: (c, s) => s with { AdvisoryLocksDirectory = LocksOf(c), Modes = modes ?? s.Modes });

    /// <summary>
    /// A probe on the hub's advisory-lock writes, and an agent (played by a probe) that registers, takes
    /// its first PR and leases the PR's files.
    /// </summary>
    private static (TestProbe Written, TestProbe Agent, IActorRef Session, AssignPr Pr, LeasesGranted Granted) LeaseHeldBy(TestCluster cluster, string agentId)
    {
        var kit = new TestKit(cluster.Hub);
        var written = kit.CreateTestProbe();
        cluster.Hub.EventStream.Subscribe(written.Ref, typeof(AdvisoryLocksWritten));
        var agent = kit.CreateTestProbe();
        var (session, pr, granted) = cluster.LeaseFirstPr(agent, agentId, Patience);
        return (written, agent, session, pr, granted);
    }

    [Fact]
    public async Task An_isolated_hub_writes_each_agents_leases_as_a_lock_file_and_removes_it_when_they_are_released()
    {
        await using var cluster = await StartAsync(); // no Redis: isolated from the start
        var (written, agent, session, pr, granted) = LeaseHeldBy(cluster, "probe-1");
        written.FishForMessage<AdvisoryLocksWritten>(w => w.Agents.Contains("probe-1"), Patience);

        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(LocksOf(cluster), "probe-1.json"))))
        {
            var root = json.RootElement;
            Assert.Equal("probe-1", root.GetProperty("agentId").GetString());
            Assert.Equal(granted.Files.Order(StringComparer.Ordinal), root.GetProperty("files").EnumerateArray().Select(f => f.GetString()!));
            Assert.True(root.GetProperty("advisory").GetBoolean());
            Assert.True(root.TryGetProperty("timestamp", out _));
            var prLock = Assert.Single(root.GetProperty("prs").EnumerateArray());
            Assert.Equal(pr.PrId, prLock.GetProperty("prId").GetString());
            Assert.Equal(granted.FencingToken, prLock.GetProperty("fencingToken").GetInt64());
        }

        session.Tell(new CompletePr("c1", pr.PrId, pr.FencingToken), agent.Ref);
        agent.ExpectMsg<Ack>(Patience);
        written.FishForMessage<AdvisoryLocksWritten>(w => w.Agents.Count == 0, Patience);
        Assert.Empty(Directory.EnumerateFiles(LocksOf(cluster), "*.json"));
    }

    [Fact]
    public async Task Leaving_isolated_mode_removes_the_lock_files_the_hub_keeps_enforcing_its_leases()
    {
        var healthy = false;
        await using var cluster = await StartAsync(new CoordinationModeSettings
        {
            HealthCheck = () => Task.FromResult(new RedisHealthReport(Volatile.Read(ref healthy) ? RedisHealthStatus.Healthy : RedisHealthStatus.Unhealthy,
                null, null, DateTimeOffset.UtcNow, 0, false)),
            CheckInterval = TimeSpan.FromMilliseconds(100),
            Cooldown = TimeSpan.FromMilliseconds(300),
        });
        var (written, _, _, pr, _) = LeaseHeldBy(cluster, "probe-2");
        // Redis never answered since the start: isolated after three bad checks, and the held lease is written.
        written.FishForMessage<AdvisoryLocksWritten>(w => w.Agents.Contains("probe-2"), Patience);
        Assert.True(File.Exists(Path.Combine(LocksOf(cluster), "probe-2.json")));

        Volatile.Write(ref healthy, true);
        written.FishForMessage<AdvisoryLocksWritten>(w => w.Agents.Count == 0, Patience);
        Assert.Empty(Directory.EnumerateFiles(LocksOf(cluster), "*.json"));
        Assert.Contains(cluster.Log.Events, e => e is CoordinationModeSwitched { From: "isolated", To: "distributed" });
        // Only the files went: the hub still holds the lease.
        var state = await cluster.HubProxy.Ask<CoordinatorSnapshot>(GetCoordinatorState.Instance, Patience);
        Assert.Contains(state.Leases, l => l.PrId == pr.PrId);
    }
}
