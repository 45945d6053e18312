using Lemegeton.Storage.Leases;
using Lemegeton.Storage.Redis;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using static Lemegeton.Storage.Tests.Infrastructure.TestOwners;

namespace Lemegeton.Storage.Tests.Leases;

[Collection(RedisCollection.Name)]
public sealed class RedisLeaseStoreTests(RedisServerFixture redis)
{
    private readonly RedisKeys _keys = RedisServerFixture.NewKeys();

    private RedisLeaseStore Store(LeaseOptions? options = null) =>
        new(redis.Connection, _keys, new DistinctPathPolicy(), options ?? new LeaseOptions(), NullLogger<RedisLeaseStore>.Instance);

    [Fact]
    public async Task Grant_carries_a_fencing_token_and_records_the_holder()
    {
        var store = Store();
        var grant = await store.AcquireAsync(O(1), ["src/a.cs", "src/b.cs"]);

        Assert.True(grant.Granted);
        Assert.True(grant.FencingToken > 0);
        var holders = await store.GetHoldersAsync(["src/a.cs", "src/b.cs", "src/c.cs"]);
        Assert.Equal(2, holders.Count);
        Assert.All(holders, h =>
        {
            Assert.Equal("agent-1", h.AgentId);
            Assert.Equal("PR-001", h.PrId);
            Assert.Equal(grant.FencingToken, h.FencingToken);
            Assert.InRange(h.Remaining, TimeSpan.FromSeconds(290), TimeSpan.FromSeconds(300));
        });
        Assert.Equal(["src/a.cs", "src/b.cs"], (await store.GetSessionFilesAsync("s-1")).Order());
    }

    [Fact]
    public async Task Conflicting_request_is_refused_whole_and_names_each_holder()
    {
        var store = Store();
        await store.AcquireAsync(O(1), ["a", "b"]);
        await store.AcquireAsync(O(2), ["c"]);

        var refused = await store.AcquireAsync(O(3), ["a", "c", "d"]);

        Assert.False(refused.Granted);
        Assert.Equal(0, refused.FencingToken);
        Assert.Equal(
            [("a", "agent-1", "PR-001"), ("c", "agent-2", "PR-002")],
            refused.Conflicts.Select(c => (c.Path, c.AgentId, c.PrId)).OrderBy(c => c.Path));
        // All or nothing: the free file was not taken either.
        Assert.Empty(await store.GetHoldersAsync(["d"]));
        Assert.Empty(await store.GetSessionFilesAsync("s-3"));
    }

    [Fact]
    public async Task Reacquiring_files_already_held_succeeds_with_a_newer_token()
    {
        var store = Store();
        var first = await store.AcquireAsync(O(1), ["a", "b"]);
        var again = await store.AcquireAsync(O(1), ["a", "b", "c"]);

        Assert.True(again.Granted);
        Assert.True(again.FencingToken > first.FencingToken);
        Assert.All(await store.GetHoldersAsync(["a", "b", "c"]), h => Assert.Equal(again.FencingToken, h.FencingToken));
        Assert.False(await store.IsCurrentAsync(O(1), first.FencingToken, ["a"]));
        Assert.True(await store.IsCurrentAsync(O(1), again.FencingToken, ["a", "b", "c"]));
    }

    [Fact]
    public async Task Renew_extends_only_the_owners_leases()
    {
        var store = Store();
        await store.AcquireAsync(O(1), ["a"], TimeSpan.FromSeconds(10));
        await store.AcquireAsync(O(2), ["b"], TimeSpan.FromSeconds(10));

        var renewal = await store.RenewAsync(O(1), ["a", "b"], TimeSpan.FromSeconds(100));

        Assert.Equal(["a"], renewal.Renewed);
        Assert.Equal(["b"], renewal.Lost);
        var holders = (await store.GetHoldersAsync(["a", "b"])).ToDictionary(h => h.Path);
        Assert.True(holders["a"].Remaining > TimeSpan.FromSeconds(90));
        Assert.True(holders["b"].Remaining <= TimeSpan.FromSeconds(10));
        Assert.Equal("agent-2", holders["b"].AgentId);
    }

    [Fact]
    public async Task Renew_all_goes_through_the_agent_set_whose_expiry_follows_the_leases()
    {
        var store = Store();
        await store.AcquireAsync(O(1), ["a", "b"], TimeSpan.FromSeconds(10));

        var renewal = await store.RenewAsync(O(1), ttl: TimeSpan.FromSeconds(200));

        Assert.Equal(["a", "b"], renewal.Renewed.Order());
        var setTtl = await redis.Connection.GetDatabase().KeyTimeToLiveAsync(_keys.LeaseSession("s-1"));
        Assert.NotNull(setTtl);
        Assert.True(setTtl > TimeSpan.FromSeconds(190));
    }

    [Fact]
    public async Task A_shorter_lease_does_not_shorten_the_agent_set()
    {
        var store = Store();
        await store.AcquireAsync(O(1), ["a"], TimeSpan.FromSeconds(100));
        await store.AcquireAsync(O(1), ["b"], TimeSpan.FromSeconds(5));

        var setTtl = await redis.Connection.GetDatabase().KeyTimeToLiveAsync(_keys.LeaseSession("s-1"));
        Assert.True(setTtl > TimeSpan.FromSeconds(90), $"agent set expires in {setTtl}");
    }

    [Fact]
    public async Task Release_deletes_only_what_the_caller_owns()
    {
        var store = Store();
        await store.AcquireAsync(O(1), ["a", "b"]);
        await store.AcquireAsync(O(2), ["c"]);

        var released = await store.ReleaseAsync(O(1), ["a", "c"]);

        Assert.Equal(["a"], released);
        Assert.Equal(["b", "c"], (await store.GetHoldersAsync(["a", "b", "c"])).Select(h => h.Path).Order());
        Assert.Equal(["b"], await store.GetSessionFilesAsync("s-1"));
    }

    [Fact]
    public async Task Release_all_frees_every_lease_of_a_crashed_agent()
    {
        var store = Store();
        await store.AcquireAsync(O(1), ["a", "b"]);
        await store.AcquireAsync(O(1, 4), ["e"]);
        await store.AcquireAsync(O(2), ["c"]);

        var released = await store.ReleaseSessionAsync("agent-1", "s-1");

        Assert.Equal(["a", "b", "e"], released.Order());
        Assert.Equal(["c"], (await store.GetHoldersAsync(["a", "b", "c", "e"])).Select(h => h.Path));
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(_keys.LeaseSession("s-1")));
        Assert.True((await store.AcquireAsync(O(3), ["a", "b", "e"])).Granted);
    }

    [Fact]
    public async Task Force_release_removes_any_holder_and_reports_it()
    {
        var store = Store();
        var grant = await store.AcquireAsync(O(1), ["a", "b"]);

        var removed = await store.ForceReleaseAsync(["a", "zzz"]);

        var h = Assert.Single(removed);
        Assert.Equal(("a", "agent-1", "s-1", "PR-001", grant.FencingToken), (h.Path, h.AgentId, h.SessionId, h.PrId, h.FencingToken));
        Assert.Equal(["b"], await store.GetSessionFilesAsync("s-1"));
        Assert.True((await store.AcquireAsync(O(2), ["a"])).Granted);
    }

    [Fact]
    public async Task Expired_lease_can_be_taken_by_another_agent_with_a_higher_token()
    {
        var store = Store();
        var first = await store.AcquireAsync(O(1), ["a"], TimeSpan.FromSeconds(30));
        Assert.False((await store.AcquireAsync(O(2), ["a"])).Granted);
        // Let the lease's time run out (Redis's clock cannot be faked): an expiry in the past.
        await redis.Connection.GetDatabase().KeyExpireAsync(_keys.LeaseFile("a"), DateTime.UnixEpoch.AddSeconds(1));

        var second = await store.AcquireAsync(O(2), ["a"]);

        Assert.True(second.Granted);
        Assert.True(second.FencingToken > first.FencingToken);
        Assert.False(await store.IsCurrentAsync(O(1), first.FencingToken, ["a"]));
    }

    [Fact]
    public async Task Too_many_files_is_refused_with_a_message_saying_what_to_do()
    {
        var store = Store(new LeaseOptions { MaxFilesPerRequest = 3 });
        var refused = await store.AcquireAsync(O(1), ["a", "b", "c", "d"]);

        Assert.False(refused.Granted);
        Assert.Contains("4 > 3", refused.Error);
        Assert.Contains("max-files-per-request", refused.Error);
    }

    [Fact]
    public async Task Scripts_are_reloaded_after_the_server_forgets_them()
    {
        var store = Store();
        await store.AcquireAsync(O(1), ["a"]);
        var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
        await server.ScriptFlushAsync();

        var grant = await store.AcquireAsync(O(1), ["b"]);

        Assert.True(grant.Granted);
    }

    [Fact]
    public async Task Projects_sharing_one_redis_do_not_see_each_others_leases()
    {
        var other = new RedisLeaseStore(redis.Connection, RedisServerFixture.NewKeys(), new DistinctPathPolicy(), new LeaseOptions(), NullLogger<RedisLeaseStore>.Instance);
        await Store().AcquireAsync(O(1), ["a"]);

        Assert.True((await other.AcquireAsync(O(2), ["a"])).Granted);
    }
}

[Collection(RedisCollection.Name)]
public sealed class DirectoryAndPathPolicyLeaseTests(RedisServerFixture redis) : IDisposable
{
    private readonly RedisKeys _keys = RedisServerFixture.NewKeys();
    private readonly TempDirectory _repo = new("repo");

    public void Dispose() => _repo.Dispose();

    private RedisLeaseStore Store(ILeasePathPolicy? policy = null) =>
        new(redis.Connection, _keys, policy ?? new DistinctPathPolicy(), new LeaseOptions(), NullLogger<RedisLeaseStore>.Instance);

    [Fact]
    public async Task A_directory_lease_conflicts_with_files_under_it_both_ways()
    {
        var store = Store();
        Assert.True((await store.AcquireAsync(O(1), ["src/lib/a.cs"])).Granted);

        var dir = await store.AcquireAsync(O(2), ["src/"]);
        Assert.False(dir.Granted);
        Assert.Equal(("src/lib/a.cs", "agent-1"), (dir.Conflicts.Single().Path, dir.Conflicts.Single().AgentId));

        Assert.True((await store.AcquireAsync(O(2), ["docs/"])).Granted);
        var file = await store.AcquireAsync(O(3), ["docs/guide/intro.md", "README.md"]);
        Assert.False(file.Granted);
        Assert.Equal(("docs/", "agent-2", "PR-002"), (file.Conflicts.Single().Path, file.Conflicts.Single().AgentId, file.Conflicts.Single().PrId));

        // The holder of the directory may take files inside it.
        Assert.True((await store.AcquireAsync(O(2), ["docs/guide/intro.md"])).Granted);
        await store.ReleaseSessionAsync("agent-2", "s-2");
        Assert.True((await store.AcquireAsync(O(3), ["docs/guide/intro.md"])).Granted);
    }

    [Fact]
    public async Task Repository_policy_refuses_unsafe_paths_and_adds_existing_paired_tests()
    {
        Directory.CreateDirectory(Path.Combine(_repo.Path, "src", "auth"));
        Directory.CreateDirectory(Path.Combine(_repo.Path, "tests", "auth"));
        File.WriteAllText(Path.Combine(_repo.Path, "src", "auth", "AuthService.ts"), "");
        File.WriteAllText(Path.Combine(_repo.Path, "tests", "auth", "AuthService.test.ts"), "");
        var store = Store(new RepositoryLeasePathPolicy(_repo.Path));

        var grant = await store.AcquireAsync(O(1), [@"src\auth\AuthService.ts"]);
        Assert.True(grant.Granted);
        Assert.Equal(["src/auth/AuthService.ts", "tests/auth/AuthService.test.ts"], grant.Files);

        var refused = await store.AcquireAsync(O(2), ["../etc/passwd", "/abs"]);
        Assert.False(refused.Granted);
        Assert.Contains("invalid-path", refused.Error);
        Assert.Contains("../etc/passwd", refused.Error);

        var paired = await store.AcquireAsync(O(2), ["tests/auth/AuthService.test.ts"]);
        Assert.False(paired.Granted);
        Assert.All(paired.Conflicts, c => Assert.Equal("agent-1", c.AgentId));
    }
}

[Collection(RedisCollection.Name)]
public sealed class LeaseIdTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Ids_with_control_characters_are_refused_before_reaching_redis()
    {
        var store = new RedisLeaseStore(redis.Connection, RedisServerFixture.NewKeys(), new DistinctPathPolicy(), new LeaseOptions(), NullLogger<RedisLeaseStore>.Instance);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => store.AcquireAsync(new LeaseOwner("agent\n1", "s-1", "PR-001"), ["a"]));
        Assert.Contains("printable", ex.Message);
        ex = await Assert.ThrowsAsync<ArgumentException>(() => store.AcquireAsync(new LeaseOwner("agent-1", "s\t1", "PR-001"), ["a"]));
        Assert.Contains("sessionId", ex.Message);
    }
}
