using Lemegeton.Storage.Leases;
using Lemegeton.Storage.Redis;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Storage.Tests.Leases;

/// <summary>A lease belongs to one agent session working on one PR, not to the agent id.</summary>
[Collection(RedisCollection.Name)]
public sealed class LeaseOwnershipTests(RedisServerFixture redis)
{
    private readonly RedisKeys _keys = RedisServerFixture.NewKeys();

    private static readonly LeaseOwner Pr1 = new("agent-1", "session-a", "PR-001");
    private static readonly LeaseOwner Pr2 = new("agent-1", "session-a", "PR-002");

    private RedisLeaseStore Store() =>
        new(redis.Connection, _keys, new DistinctPathPolicy(), new LeaseOptions(), NullLogger<RedisLeaseStore>.Instance);

    [Fact]
    public async Task The_same_agent_asking_for_another_pr_does_not_take_over_its_own_lease()
    {
        var store = Store();
        var first = await store.AcquireAsync(Pr1, ["src/a.cs"]);

        var other = await store.AcquireAsync(Pr2, ["src/a.cs", "src/b.cs"]);

        Assert.False(other.Granted);
        var conflict = Assert.Single(other.Conflicts);
        Assert.Equal(("src/a.cs", "agent-1", "session-a", "PR-001", first.FencingToken), (conflict.Path, conflict.AgentId, conflict.SessionId, conflict.PrId, conflict.FencingToken));
        var holder = Assert.Single(await store.GetHoldersAsync(["src/a.cs", "src/b.cs"]));
        Assert.True(holder.IsHeldBy(Pr1));
        Assert.True(await store.IsCurrentAsync(Pr1, first.FencingToken, ["src/a.cs"]));
        Assert.False(await store.IsCurrentAsync(Pr2, first.FencingToken, ["src/a.cs"]));
    }

    [Fact]
    public async Task A_release_meant_for_one_pr_leaves_the_same_sessions_other_pr_alone()
    {
        var store = Store();
        await store.AcquireAsync(Pr1, ["a"]);
        await store.AcquireAsync(Pr2, ["b", "c"]);

        var released = await store.ReleaseAsync(Pr1, ["a", "b"]);
        var renewal = await store.RenewAsync(Pr2);

        Assert.Equal(["a"], released);
        Assert.Equal(["b", "c"], (await store.GetHoldersAsync(["a", "b", "c"])).Where(h => h.IsHeldBy(Pr2)).Select(h => h.Path).Order());
        Assert.Equal(["b", "c"], (await store.GetSessionFilesAsync("session-a")).Order());
        Assert.Equal(["b", "c"], renewal.Renewed.Order());
        Assert.Empty(renewal.Lost);
    }

    [Fact]
    public async Task Release_pr_frees_that_prs_files_and_renew_all_of_one_pr_does_not_report_the_other_as_lost()
    {
        var store = Store();
        await store.AcquireAsync(Pr1, ["a", "b"], TimeSpan.FromSeconds(10));
        await store.AcquireAsync(Pr2, ["c"], TimeSpan.FromSeconds(10));

        var renewal = await store.RenewAsync(Pr1, ttl: TimeSpan.FromSeconds(100));
        Assert.Equal(["a", "b"], renewal.Renewed.Order());
        Assert.Empty(renewal.Lost);
        var c = Assert.Single(await store.GetHoldersAsync(["c"]));
        Assert.True(c.Remaining <= TimeSpan.FromSeconds(10));

        Assert.Equal(["a", "b"], (await store.ReleasePrAsync(Pr1)).Order());
        Assert.Equal(["c"], (await store.GetHoldersAsync(["a", "b", "c"])).Select(h => h.Path));
        Assert.Equal(["c"], await store.GetSessionFilesAsync("session-a"));
    }

    [Fact]
    public async Task A_restarted_agent_is_a_new_session_and_the_old_sessions_crash_cleanup_never_releases_its_leases()
    {
        var store = Store();
        var old = new LeaseOwner("agent-1", "session-old", "PR-001");
        var fresh = new LeaseOwner("agent-1", "session-new", "PR-001");
        await store.AcquireAsync(old, ["a", "b"]);

        // The agent restarted under the same id: the old session's leases are not its own.
        var blocked = await store.AcquireAsync(fresh, ["a", "c"]);
        Assert.False(blocked.Granted);
        Assert.All(blocked.Conflicts, h => Assert.Equal("session-old", h.SessionId));
        var c = await store.AcquireAsync(fresh, ["c"]);
        Assert.True(c.Granted);
        Assert.False((await store.RenewAsync(fresh, ["a"])).Renewed.Any());
        Assert.Empty(await store.ReleaseAsync(fresh, ["a", "b"]));

        // The hub notices the old session is gone and cleans up after it: only its leases go.
        Assert.Equal(["a", "b"], (await store.ReleaseSessionAsync("agent-1", "session-old")).Order());
        var retaken = await store.AcquireAsync(fresh, ["a", "b"]);
        Assert.True(retaken.Granted);

        // A late or repeated clean-up of the old session touches nothing of the new one.
        Assert.Empty(await store.ReleaseSessionAsync("agent-1", "session-old"));
        var holders = await store.GetHoldersAsync(["a", "b", "c"]);
        Assert.Equal(3, holders.Count);
        Assert.All(holders, h => Assert.True(h.IsHeldBy(fresh)));
        Assert.Equal(["a", "b", "c"], (await store.GetSessionFilesAsync("session-new")).Order());
        Assert.True(await store.IsCurrentAsync(fresh, retaken.FencingToken, ["a", "b"]));
    }

    [Fact]
    public async Task Crash_cleanup_of_a_session_releases_every_pr_of_that_session_only()
    {
        var store = Store();
        await store.AcquireAsync(Pr1, ["a"]);
        await store.AcquireAsync(Pr2, ["b"]);
        var otherSession = new LeaseOwner("agent-1", "session-b", "PR-003");
        await store.AcquireAsync(otherSession, ["c"]);

        Assert.Equal(["a", "b"], (await store.ReleaseSessionAsync("agent-1", "session-a")).Order());
        Assert.True(Assert.Single(await store.GetHoldersAsync(["a", "b", "c"])).IsHeldBy(otherSession));
        Assert.Empty(await store.GetSessionFilesAsync("session-a"));
    }

    [Fact]
    public async Task Force_release_reports_the_session_and_removes_the_file_from_its_set()
    {
        var store = Store();
        await store.AcquireAsync(Pr1, ["a", "b"]);

        var removed = Assert.Single(await store.ForceReleaseAsync(["a"]));

        Assert.Equal(("a", "session-a", "PR-001"), (removed.Path, removed.SessionId, removed.PrId));
        Assert.Equal(["b"], await store.GetSessionFilesAsync("session-a"));
        Assert.True((await store.AcquireAsync(Pr2, ["a"])).Granted);
    }

    [Fact]
    public async Task A_lease_written_before_sessions_existed_reads_as_a_holder_without_a_session_and_blocks_others()
    {
        var store = Store();
        await redis.Connection.GetDatabase().StringSetAsync(_keys.LeaseFile("old.cs"), "agent-9\nPR-009\n41", TimeSpan.FromMinutes(1));

        var refused = await store.AcquireAsync(Pr1, ["old.cs"]);

        Assert.False(refused.Granted);
        Assert.Equal(("agent-9", "", "PR-009", 41L), (refused.Conflicts[0].AgentId, refused.Conflicts[0].SessionId, refused.Conflicts[0].PrId, refused.Conflicts[0].FencingToken));
        var holder = Assert.Single(await store.GetHoldersAsync(["old.cs"]));
        Assert.Equal(("agent-9", "", "PR-009", 41L), (holder.AgentId, holder.SessionId, holder.PrId, holder.FencingToken));
        Assert.Equal("agent-9", Assert.Single(await store.ForceReleaseAsync(["old.cs"])).AgentId);
    }
}
