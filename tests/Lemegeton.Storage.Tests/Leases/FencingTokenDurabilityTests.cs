using System.Globalization;
using Lemegeton.Storage.Leases;
using Lemegeton.Storage.Redis;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using static Lemegeton.Storage.Tests.Infrastructure.TestOwners;

namespace Lemegeton.Storage.Tests.Leases;

/// <summary>
/// Fencing tokens never repeat and never go backwards: not when Redis — running with the shipped
/// <c>appendfsync everysec</c> — is killed and comes back without its last writes, and not when
/// the hub restarts on top of that.
/// </summary>
public sealed class FencingTokenDurabilityTests : IDisposable
{
    private readonly TempDirectory _dir = new("fencing");
    private readonly RedisKeys _keys = RedisServerFixture.NewKeys();

    public void Dispose() => _dir.Dispose();

    private string RedisDir => Path.Combine(_dir.Path, "redis");
    private string WatermarkPath => Path.Combine(_dir.Path, "state", "fencing-ceiling");
    private string AofDir => Path.Combine(RedisDir, "appendonlydir");

    private RedisLeaseStore Store(IConnectionMultiplexer mux, long block = 1000) =>
        new(mux, _keys, new DistinctPathPolicy(), new LeaseOptions { FencingWatermarkPath = WatermarkPath, FencingReserveBlock = block }, NullLogger<RedisLeaseStore>.Instance);

    private long RecordedCeiling() => long.Parse(File.ReadAllText(WatermarkPath).Trim(), CultureInfo.InvariantCulture);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_recorded_ceiling_is_reserved_before_any_token_above_it_is_handed_out()
    {
        await using var server = await RedisServerFixture.StartAsync(RedisDir, "everysec");
        using var mux = await RedisServerFixture.ConnectAsHubAsync(server.Connection);
        using var store = Store(mux, block: 10);

        long last = 0;
        for (var i = 0; i < 35; i++)
        {
            var grant = await store.AcquireAsync(O(1), [$"f{i}"]);
            Assert.True(grant.FencingToken > last);
            Assert.True(RecordedCeiling() >= grant.FencingToken, $"token {grant.FencingToken} handed out above the recorded ceiling {RecordedCeiling()}");
            last = grant.FencingToken;
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(WatermarkPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(WatermarkPath)!));
    }

    [Fact]
    public async Task A_new_store_starts_above_the_recorded_ceiling_even_when_the_redis_counter_is_behind()
    {
        await using var server = await RedisServerFixture.StartAsync(RedisDir, "everysec");
        using var mux = await RedisServerFixture.ConnectAsHubAsync(server.Connection);
        long before;
        using (var first = Store(mux))
            before = (await first.AcquireAsync(O(1), ["a"])).FencingToken;
        var ceiling = RecordedCeiling();
        await mux.GetDatabase().StringSetAsync(_keys.FencingCounter, 0);

        using var second = Store(mux);
        var token = (await second.AcquireAsync(O(2), ["b"])).FencingToken;

        Assert.True(token > ceiling && ceiling >= before, $"token {token}, ceiling {ceiling}, earlier token {before}");
    }

    [Fact]
    public void A_damaged_watermark_file_is_refused_with_its_name_and_what_to_do()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(WatermarkPath)!);
        File.WriteAllText(WatermarkPath, "12x\n");

        var ex = Assert.Throws<InvalidDataException>(() => FencingWatermark.Open(WatermarkPath));

        Assert.Contains(WatermarkPath, ex.Message);
        Assert.Contains("line 1", ex.Message);
        Assert.Contains("at least as high as the highest fencing token", ex.Message);
    }

    /// <summary>
    /// SIGKILL alone loses nothing Redis already wrote to the page cache; what <c>everysec</c>
    /// allows to be lost is the AOF tail an OS crash or power cut takes (up to the last second).
    /// The test reproduces exactly that: Redis runs with <c>everysec</c>, the AOF is put back as
    /// it stood before the last grants, Redis is SIGKILLed and restarted on the same directory.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public async Task After_redis_is_killed_and_restarts_without_its_last_writes_the_next_token_is_above_every_earlier_one()
    {
        var server = await RedisServerFixture.StartAsync(RedisDir, "everysec");
        Assert.Contains("appendfsync everysec", File.ReadAllText(server.ConfigPath));
        using var mux = await RedisServerFixture.ConnectAsHubAsync(server.Connection);
        using var store = Store(mux);
        var issued = await GrantAsync(store, 0, 20);
        var aofBefore = CopyAof();
        issued.AddRange(await GrantAsync(store, 20, 20));
        var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        mux.ConnectionRestored += (_, _) => restored.TrySetResult();

        server = await KillRestoreAndRestartAsync(server, aofBefore);
        // The same hub process: its multiplexer reconnects by itself.
        await restored.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var counterAfter = await CounterAsync(mux);
        Assert.True(counterAfter < issued.Max(), $"Redis kept its counter ({counterAfter}, max issued {issued.Max()}): the test lost nothing");

        var next = (await store.AcquireAsync(O(9), ["after-restart"])).FencingToken;
        Assert.True(next > issued.Max(), $"token {next} after the restart, but {issued.Max()} was handed out before");
        server.Kill();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task After_both_redis_and_the_hub_restart_the_next_token_is_above_every_earlier_one()
    {
        var server = await RedisServerFixture.StartAsync(RedisDir, "everysec");
        List<long> issued;
        string aofBefore;
        using (var mux = await RedisServerFixture.ConnectAsHubAsync(server.Connection))
        using (var store = Store(mux))
        {
            issued = await GrantAsync(store, 0, 20);
            aofBefore = CopyAof();
            issued.AddRange(await GrantAsync(store, 20, 20));
        }

        // The hub process is gone too: a new connection and a new store, with only the watermark file.
        server = await KillRestoreAndRestartAsync(server, aofBefore);
        using var newMux = await RedisServerFixture.ConnectAsHubAsync(server.Connection);
        Assert.True(await CounterAsync(newMux) < issued.Max(), "Redis kept its counter: the test lost nothing");
        using var newStore = Store(newMux);

        var next = (await newStore.AcquireAsync(O(9), ["after-restart"])).FencingToken;
        Assert.True(next > issued.Max(), $"token {next} after the restarts, but {issued.Max()} was handed out before");
        var again = (await newStore.AcquireAsync(O(8), ["later"])).FencingToken;
        Assert.True(again > next);
        server.Kill();
    }

    private static async Task<List<long>> GrantAsync(RedisLeaseStore store, int from, int count)
    {
        var tokens = new List<long>();
        for (var i = from; i < from + count; i++)
        {
            var grant = await store.AcquireAsync(O(1, 1), [$"f{i}"]);
            Assert.True(grant.Granted);
            tokens.Add(grant.FencingToken);
        }
        return tokens;
    }

    private async Task<long> CounterAsync(IConnectionMultiplexer mux)
    {
        var value = await mux.GetDatabase().StringGetAsync(_keys.FencingCounter);
        return value.IsNull ? 0 : (long)value;
    }

    /// <summary>The AOF directory as it stands now (what an OS crash a moment later would leave on disk).</summary>
    private string CopyAof()
    {
        var copy = Path.Combine(_dir.Path, "aof-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        foreach (var f in Directory.GetFiles(AofDir)) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        return copy;
    }

    private async Task<RedisServerProcess> KillRestoreAndRestartAsync(RedisServerProcess server, string aofBefore)
    {
        server.Kill();
        Directory.Delete(AofDir, recursive: true);
        Directory.CreateDirectory(AofDir);
        foreach (var f in Directory.GetFiles(aofBefore)) File.Copy(f, Path.Combine(AofDir, Path.GetFileName(f)));
        return await RedisServerProcess.StartAsync(server.Options, TimeProvider.System);
    }
}
