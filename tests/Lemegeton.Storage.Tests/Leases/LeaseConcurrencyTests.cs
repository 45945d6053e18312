using System.Collections.Concurrent;
using Lemegeton.Storage.Leases;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Storage.Tests.Leases;

[Collection(RedisCollection.Name)]
public sealed class LeaseConcurrencyTests(RedisServerFixture redis)
{
    private sealed record AuditEntry(long Order, bool Grant, LeaseOwner Owner, long Token, string[] Files);

    /// <summary>
    /// 8 concurrent clients (each its own connection and agent session, switching between two
    /// PRs) acquire random overlapping file sets a fixed number of times. Every grant is logged
    /// after it returns and every release before it is sent, so each logged holding interval lies
    /// inside the real one: replaying the log in order must never find a file held by two owners.
    /// Correctness only; throughput is measured by StorageLeaseBenchmarks.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Eight_clients_never_hold_one_file_at_once_and_tokens_only_grow()
    {
        const int attemptsPerClient = 400;
        var keys = RedisServerFixture.NewKeys();
        var files = Enumerable.Range(0, 24).Select(i => $"src/file{i:00}.cs").ToArray();
        long order = 0;
        var audit = new ConcurrentQueue<AuditEntry>();
        var refusals = 0;

        async Task Client(int n)
        {
            // One connection per client, like separate hub processes would have.
            using var mux = await RedisServerFixture.ConnectAsHubAsync(redis.Server.Connection);
            using var store = new RedisLeaseStore(mux, keys, new DistinctPathPolicy(), new LeaseOptions(), NullLogger<RedisLeaseStore>.Instance);
            var random = new Random(n);
            long lastToken = 0;
            for (var attempt = 0; attempt < attemptsPerClient; attempt++)
            {
                // The same session works on two PRs: they must not stand in for each other either.
                var owner = new LeaseOwner($"agent-{n}", $"session-{n}", $"PR-{n}{attempt % 2}");
                var want = files.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToArray();
                var grant = await store.AcquireAsync(owner, want);
                if (!grant.Granted)
                {
                    Interlocked.Increment(ref refusals);
                    Assert.NotEmpty(grant.Conflicts);
                    Assert.All(grant.Conflicts, c => Assert.False(c.IsHeldBy(owner)));
                    continue;
                }
                Assert.True(grant.FencingToken > lastToken, $"token {grant.FencingToken} after {lastToken}");
                lastToken = grant.FencingToken;
                audit.Enqueue(new AuditEntry(Interlocked.Increment(ref order), true, owner, grant.FencingToken, [.. grant.Files]));
                await Task.Yield();
                audit.Enqueue(new AuditEntry(Interlocked.Increment(ref order), false, owner, grant.FencingToken, [.. grant.Files]));
                var released = await store.ReleaseAsync(owner, grant.Files);
                Assert.Equal(grant.Files.Order(), released.Order());
            }
        }

        await Task.WhenAll(Enumerable.Range(1, 8).Select(n => Task.Run(() => Client(n))));

        var held = new Dictionary<string, AuditEntry>();
        foreach (var e in audit.OrderBy(e => e.Order))
        {
            foreach (var f in e.Files)
            {
                if (e.Grant)
                {
                    Assert.False(held.TryGetValue(f, out var other), $"{f} granted to {e.Owner} (token {e.Token}) while {other?.Owner} (token {other?.Token}) held it");
                    held[f] = e;
                }
                else
                {
                    Assert.Equal(e.Token, held[f].Token);
                    held.Remove(f);
                }
            }
        }
        Assert.Empty(held);
        var tokens = audit.Where(e => e.Grant).Select(e => e.Token).ToList();
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        // Both outcomes happened, or the test proved nothing about contention.
        Assert.NotEmpty(tokens);
        Assert.True(refusals > 0, "no request was ever refused: the file sets did not overlap");
    }
}
