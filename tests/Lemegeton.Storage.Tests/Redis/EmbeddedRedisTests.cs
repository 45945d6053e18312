using Lemegeton.Storage.Redis;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Storage.Tests.Redis;

public sealed class EmbeddedRedisTests : IDisposable
{
    private readonly TempDirectory _dir = new("embedded");
    private readonly ListLogger<EmbeddedRedis> _log = new();

    public void Dispose() => _dir.Dispose();

    private string DataDir => Path.Combine(_dir.Path, ".lemegeton", "redis");

    [Fact]
    public async Task Starts_a_private_server_with_owner_only_files_and_adopts_it_on_the_next_start()
    {
        var first = await EmbeddedRedis.StartOrAdoptAsync(DataDir, _log, TimeProvider.System);
        Assert.NotNull(first);
        try
        {
            Assert.False(first.Adopted);
            Assert.Equal("127.0.0.1", first.Connection.Host);
            Assert.NotNull(first.Connection.Password);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(DataDir));
            foreach (var f in new[] { "password", "redis.conf", "server.json" })
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(DataDir, f)));
            var conf = File.ReadAllText(Path.Combine(DataDir, "redis.conf"));
            Assert.Contains("appendonly yes", conf);
            Assert.Contains("appendfsync everysec", conf);
            Assert.Contains("bind 127.0.0.1", conf);

            using (var mux = await RedisServerFixture.ConnectAsync(first.Connection))
                await mux.GetDatabase().StringSetAsync("survives", "yes");

            // A second hub start finds it running: adopt, do not start another.
            var second = await EmbeddedRedis.StartOrAdoptAsync(DataDir, _log, TimeProvider.System);
            Assert.NotNull(second);
            Assert.True(second.Adopted);
            Assert.Equal(first.Server.ProcessId, second.Server.ProcessId);
            Assert.Equal(first.Connection, second.Connection);
            Assert.Contains(_log.Entries, e => e.Message.Contains("Adopted"));
        }
        finally
        {
            await first.DisposeAsync();
        }
        Assert.True(first.Server.HasExited);

        // Stopped cleanly (SIGTERM): the AOF kept the data for the next start.
        await using var third = await EmbeddedRedis.StartOrAdoptAsync(DataDir, _log, TimeProvider.System);
        Assert.NotNull(third);
        Assert.False(third.Adopted);
        using var again = await RedisServerFixture.ConnectAsync(third.Connection);
        Assert.Equal("yes", (string?)await again.GetDatabase().StringGetAsync("survives"));
    }

    [Fact]
    public async Task A_recorded_pid_that_is_not_our_server_is_not_adopted()
    {
        var first = await EmbeddedRedis.StartOrAdoptAsync(DataDir, _log, TimeProvider.System);
        Assert.NotNull(first);
        await first.DisposeAsync();
        // A previous hub's record now names a live process that is not its redis-server: this test process.
        File.WriteAllText(Path.Combine(DataDir, "server.json"), $"{{\"pid\":{Environment.ProcessId},\"port\":{first.Connection.Port}}}");

        await using var second = await EmbeddedRedis.StartOrAdoptAsync(DataDir, _log, TimeProvider.System);

        Assert.NotNull(second);
        Assert.False(second.Adopted);
        Assert.NotEqual(Environment.ProcessId, second.Server.ProcessId);
    }

    [Fact]
    public async Task Without_redis_server_on_path_it_says_so_in_one_line_and_returns_null()
    {
        var embedded = await EmbeddedRedis.StartOrAdoptAsync(DataDir, _log, TimeProvider.System, executable: "redis-server-not-installed-here");

        Assert.Null(embedded);
        var line = Assert.Single(_log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains("not on PATH", line.Message);
        Assert.Contains("isolated", line.Message);
    }

    [Fact]
    public async Task A_server_that_cannot_start_reports_its_log()
    {
        var port = FreePort.Find();
        using var blocker = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        blocker.Start();

        var ex = await Assert.ThrowsAsync<RedisServerStartException>(() => RedisServerProcess.StartAsync(new RedisServerOptions
        {
            Directory = DataDir, Port = port, Password = "pw-pw-pw-pw-pw-pw", StartTimeout = TimeSpan.FromSeconds(5),
        }, TimeProvider.System));
        Assert.Contains("redis.log", ex.Message);
    }
}
