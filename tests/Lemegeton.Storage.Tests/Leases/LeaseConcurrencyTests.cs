using System.Collections.Concurrent;
using System.Diagnostics;
using Lemegeton.Storage.Leases;
using Lemegeton.Storage.Redis;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Storage.Tests.Leases;

[Collection(RedisCollection.Name)]
public sealed class LeaseConcurrencyTests(RedisServerFixture redis)
{
    private sealed record AuditEntry(long Order, bool Grant, string Agent, long Token, string[] Files);

    /// <summary>
    /// 8 concurrent clients acquire random overlapping file sets for 10 s. Every grant is logged
    /// after it returns and every release before it is sent, so each logged holding interval lies
    /// inside the real one: replaying the log in order must never find a file held twice.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Eight_clients_never_hold_one_file_at_once_and_tokens_only_grow()
    {
        var keys = RedisServerFixture.NewKeys();
        var files = Enumerable.Range(0, 24).Select(i => $"src/file{i:00}.cs").ToArray();
        long order = 0;
        var audit = new ConcurrentQueue<AuditEntry>();
        var stop = Stopwatch.StartNew();

        async Task Client(int n)
        {
            // One connection per client, like separate hub processes would have.
            using var mux = await RedisServerFixture.ConnectAsync(redis.Server.Connection);
            var store = new RedisLeaseStore(mux, keys, new DistinctPathPolicy(), new LeaseOptions(), NullLogger<RedisLeaseStore>.Instance);
            var random = new Random(n);
            var agent = $"agent-{n}";
            long lastToken = 0;
            while (stop.Elapsed < TimeSpan.FromSeconds(10))
            {
                var want = files.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToArray();
                var grant = await store.AcquireAsync(agent, $"PR-{n:000}", want);
                if (!grant.Granted)
                {
                    Assert.NotEmpty(grant.Conflicts);
                    Assert.All(grant.Conflicts, c => Assert.NotEqual(agent, c.AgentId));
                    continue;
                }
                Assert.True(grant.FencingToken > lastToken);
                lastToken = grant.FencingToken;
                audit.Enqueue(new AuditEntry(Interlocked.Increment(ref order), true, agent, grant.FencingToken, [.. grant.Files]));
                await Task.Yield();
                audit.Enqueue(new AuditEntry(Interlocked.Increment(ref order), false, agent, grant.FencingToken, [.. grant.Files]));
                var released = await store.ReleaseAsync(agent, grant.Files);
                Assert.Equal(grant.Files.Order(), released.Order());
            }
        }

        await Task.WhenAll(Enumerable.Range(1, 8).Select(n => Task.Run(() => Client(n))));

        var held = new Dictionary<string, AuditEntry>();
        var grants = 0;
        foreach (var e in audit.OrderBy(e => e.Order))
        {
            foreach (var f in e.Files)
            {
                if (e.Grant)
                {
                    Assert.False(held.TryGetValue(f, out var other), $"{f} granted to {e.Agent} (token {e.Token}) while {other?.Agent} (token {other?.Token}) held it");
                    held[f] = e;
                }
                else
                {
                    Assert.Equal(e.Token, held[f].Token);
                    held.Remove(f);
                }
            }
            if (e.Grant) grants++;
        }
        var tokens = audit.Where(e => e.Grant).Select(e => e.Token).ToList();
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        Assert.True(grants > 1000, $"only {grants} grants in 10 s");
    }
}
