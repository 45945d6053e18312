using Lemegeton.Storage.Redis;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Storage.Tests.Redis;

public sealed class EmbeddedRedisTests : IDisposable
{
    private const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TempDirectory _dir = new("embedded");
    private readonly ListLogger<EmbeddedRedis> _log = new();

    public void Dispose() => _dir.Dispose();

    private string DataDir => Path.Combine(_dir.Path, ".lemegeton", "redis");

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Starts_a_private_server_on_a_unix_socket_only_and_adopts_it_on_the_next_start()
    {
        var first = await EmbeddedRedis.StartOrAdoptAsync(DataDir, _log, TimeProvider.System);
        Assert.NotNull(first);
        try
        {
            Assert.False(first.Adopted);
            Assert.Equal(Path.Combine(DataDir, "redis.sock"), first.Connection.UnixSocket);
            Assert.NotNull(first.Connection.Password);
            Assert.Equal(Owner, File.GetUnixFileMode(DataDir));
            foreach (var f in new[] { "password", "redis.conf", "server.json" })
                Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(DataDir, f)));
            // The socket itself: srwx------ (unixsocketperm 700).
            Assert.Equal(Owner, File.GetUnixFileMode(first.Connection.UnixSocket!));
            var conf = File.ReadAllText(Path.Combine(DataDir, "redis.conf"));
            Assert.Contains("appendonly yes", conf);
            Assert.Contains("appendfsync everysec", conf);
            Assert.Contains("port 0", conf);
            Assert.Contains("unixsocketperm 700", conf);
            Assert.DoesNotContain("bind ", conf);
            Assert.DoesNotContain(first.Connection.Password!, File.ReadAllText($"/proc/{first.Server.ProcessId}/cmdline"));

            using (var mux = await RedisServerFixture.ConnectAsync(first.Connection))
            {
                // The running server confirms it: no TCP port.
                var port = await mux.GetServer(mux.GetEndPoints()[0]).ConfigGetAsync("port");
                Assert.Equal("0", Assert.Single(port).Value);
                await mux.GetDatabase().StringSetAsync("survives", "yes");
            }

            // A second hub start finds it running: adopt, do not start another.
            var second = await EmbeddedRedis.StartOrAdoptAsync(DataDir, _log, TimeProvider.System);
            Assert.NotNull(second);
            Assert.True(second.Adopted);
            Assert.Equal(first.Server.ProcessId, second.Server.ProcessId);
            Assert.Equal(first.Connection, second.Connection);
            Assert.Contains(_log.Entries, e => e.Message.Contains("Adopted") && e.Message.Contains("redis.sock"));
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
    [Trait("Category", "Slow")]
    public async Task A_recorded_pid_that_is_not_our_server_is_not_adopted()
    {
        var first = await EmbeddedRedis.StartOrAdoptAsync(DataDir, _log, TimeProvider.System);
        Assert.NotNull(first);
        await first.DisposeAsync();
        // A previous hub's record now names a live process that is not its redis-server: this test process.
        File.WriteAllText(Path.Combine(DataDir, "server.json"), $"{{\"pid\":{Environment.ProcessId},\"socket\":\"{first.Connection.UnixSocket}\"}}");

        await using var second = await EmbeddedRedis.StartOrAdoptAsync(DataDir, _log, TimeProvider.System);

        Assert.NotNull(second);
        Assert.False(second.Adopted);
        Assert.NotEqual(Environment.ProcessId, second.Server.ProcessId);
    }

    [Fact]
    public async Task A_tcp_server_left_by_an_older_hub_is_stopped_and_replaced_by_a_socket_server_on_the_same_data()
    {
        // What an older hub left running: the same data directory, on a loopback port.
        var old = await RedisServerProcess.StartAsync(new RedisServerOptions
        {
            Directory = DataDir, Port = FreePort.Find(), Password = CreatePassword(),
        }, TimeProvider.System);
        using (var mux = await RedisServerFixture.ConnectAsync(old.Connection))
            await mux.GetDatabase().StringSetAsync("kept", "yes");
        File.WriteAllText(Path.Combine(DataDir, "server.json"), $"{{\"pid\":{old.ProcessId},\"port\":{old.Port}}}");

        await using var embedded = await EmbeddedRedis.StartOrAdoptAsync(DataDir, _log, TimeProvider.System);

        Assert.NotNull(embedded);
        Assert.False(embedded.Adopted);
        Assert.True(old.HasExited);
        Assert.NotNull(embedded.Connection.UnixSocket);
        Assert.Contains(_log.Entries, e => e.Message.Contains("left running on TCP"));
        using var again = await RedisServerFixture.ConnectAsync(embedded.Connection);
        Assert.Equal("yes", (string?)await again.GetDatabase().StringGetAsync("kept"));
    }

    private string CreatePassword()
    {
        Directory.CreateDirectory(DataDir);
        var password = "older-hub-password-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(Path.Combine(DataDir, "password"), password + "\n");
        return password;
    }

    [Fact]
    public async Task A_data_directory_too_deep_for_a_socket_path_puts_the_socket_in_a_private_temp_directory()
    {
        var deep = Path.Combine(_dir.Path, new string('d', 60), new string('e', 60), ".lemegeton", "redis");

        await using var embedded = await EmbeddedRedis.StartOrAdoptAsync(deep, _log, TimeProvider.System);

        Assert.NotNull(embedded);
        var socket = embedded.Connection.UnixSocket!;
        Assert.StartsWith(Path.GetTempPath(), socket);
        Assert.Equal(socket, EmbeddedRedis.SocketPath(Path.GetFullPath(deep)));
        Assert.Equal(Owner, File.GetUnixFileMode(Path.GetDirectoryName(socket)!));
        using var mux = await RedisServerFixture.ConnectAsync(embedded.Connection);
        Assert.True(mux.IsConnected);
        await embedded.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(socket)!, recursive: true);
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
        var ex = await Assert.ThrowsAsync<RedisServerStartException>(() => RedisServerProcess.StartAsync(new RedisServerOptions
        {
            Directory = DataDir,
            UnixSocket = Path.Combine(_dir.Path, "no-such-directory", "redis.sock"),
            Password = "pw-pw-pw-pw-pw-pw",
            StartTimeout = TimeSpan.FromSeconds(5),
        }, TimeProvider.System));
        Assert.Contains("redis.log", ex.Message);
    }
}
