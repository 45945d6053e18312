using System.Collections.Concurrent;
using Lemegeton.Storage.Leases;
using Lemegeton.Storage.Redis;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Lemegeton.Storage.Tests.Leases;

/// <summary>
/// Redis killed with SIGKILL mid-run and restarted on the same port and directory (the lease half
/// of the former RedisOutageTests; the journal half belongs to the Redis journal plugin's tests).
/// </summary>
public sealed class LeaseSigkillTests : IDisposable
{
    private readonly TempDirectory _dir = new("lease-sigkill");
    private readonly RedisKeys _keys = RedisServerFixture.NewKeys();

    public void Dispose() => _dir.Dispose();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Sigkill_mid_run_keeps_every_acknowledged_grant_and_tokens_keep_growing()
    {
        var server = await RedisServerFixture.StartAsync(Path.Combine(_dir.Path, "redis"), "everysec");
        using var mux = await RedisServerFixture.ConnectAsync(server.Connection);
        var leases = new RedisLeaseStore(mux, _keys, new DistinctPathPolicy(), new LeaseOptions(), NullLogger<RedisLeaseStore>.Instance);

        var grants = new ConcurrentDictionary<string, long>();
        var progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var target = 300;
        using var stop = new CancellationTokenSource();

        async Task Leaser(int id)
        {
            var agent = $"agent-{id}";
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var file = $"f{id}-{i}";
                    var grant = await leases.AcquireAsync(new LeaseOwner(agent, $"s-{id}", "PR-001"), [file]);
                    if (grant.Granted) grants[file] = grant.FencingToken;
                    if (grants.Count >= Volatile.Read(ref target)) progress.TrySetResult();
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    await Task.Yield();
                }
            }
        }

        var workers = Enumerable.Range(0, 3).Select(i => Task.Run(() => Leaser(i))).ToList();
        await progress.Task.WaitAsync(TimeSpan.FromSeconds(60));
        server.Kill();
        Volatile.Write(ref target, grants.Count + 300);
        progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server = await RedisServerProcess.StartAsync(server.Options, TimeProvider.System);
        await progress.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var holders = await leases.GetHoldersAsync([.. grants.Keys]);
        Assert.Equal(grants.Count, holders.Count);
        Assert.All(holders, h => Assert.Equal(grants[h.Path], h.FencingToken));
        var fresh = await leases.AcquireAsync(new LeaseOwner("agent-9", "s-9", "PR-009"), ["after-restart"]);
        Assert.True(fresh.FencingToken > grants.Values.Max());
        server.Kill();
    }
}
