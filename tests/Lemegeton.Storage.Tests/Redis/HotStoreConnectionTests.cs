using Lemegeton.Storage.Redis;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Storage.Tests.Redis;

[Collection(RedisCollection.Name)]
public sealed class HotStoreConnectionTests(RedisServerFixture redis) : IDisposable
{
    private readonly TempDirectory _repo = new("hotstore");

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task A_configured_url_is_used_with_the_project_namespace()
    {
        await using var hot = await HotStoreConnection.ConnectAsync(
            new RedisOptions { Url = redis.Server.Connection.ToUrl(), Project = "widgets" }, _repo.Path, NullLoggerFactory.Instance, TimeProvider.System);

        Assert.NotNull(hot);
        Assert.Null(hot.Embedded);
        Assert.True(hot.Multiplexer.IsConnected);
        Assert.Equal("lemegeton:widgets:", hot.Keys.Prefix);
    }

    [Fact]
    public async Task Without_a_url_the_embedded_server_runs_under_dot_lemegeton_and_stops_with_the_hub()
    {
        RedisServerProcess server;
        await using (var hot = await HotStoreConnection.ConnectAsync(new RedisOptions(), _repo.Path, NullLoggerFactory.Instance, TimeProvider.System))
        {
            Assert.NotNull(hot);
            Assert.NotNull(hot.Embedded);
            Assert.True(hot.Multiplexer.IsConnected);
            Assert.True(File.Exists(Path.Combine(_repo.Path, ".lemegeton", "redis", "password")));
            server = hot.Embedded.Server;
        }
        Assert.True(server.HasExited);
    }

    [Fact]
    public async Task No_url_and_no_embedded_server_means_isolated()
    {
        Assert.Null(await HotStoreConnection.ConnectAsync(new RedisOptions { Embedded = false }, _repo.Path, NullLoggerFactory.Instance, TimeProvider.System));
        Assert.Null(await HotStoreConnection.ConnectAsync(new RedisOptions { ServerExecutable = "no-such-redis-server" }, _repo.Path, NullLoggerFactory.Instance, TimeProvider.System));
    }
}
