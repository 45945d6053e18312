using System.Net;
using System.Net.Sockets;
using Akka.Configuration;
using Lemegeton.Persistence.Redis;
using Lemegeton.Persistence.Redis.Hosting;

namespace Lemegeton.Persistence.Tests.Redis;

/// <summary>Reading the plugin's configuration: the three address forms and the errors users see.</summary>
public sealed class RedisPersistenceSettingsTests
{
    private static RedisPersistenceSettings Read(string hocon) =>
        RedisPersistenceSettings.FromConfig(ConfigurationFactory.ParseString(hocon), RedisPersistence.JournalPluginId);

    [Fact]
    public void Defaults_come_from_the_reference_configuration()
    {
        var settings = Read("connection-string = \"redis://127.0.0.1\"");
        Assert.Equal("lemegeton:{default}:", settings.KeyPrefix);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.WriteTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.ConnectTimeout);
        Assert.Equal(1000, settings.ReplayPageSize);
        Assert.Equal(2000, settings.MaxBatchSize);
        Assert.Equal(new RedisEndpoint("127.0.0.1", 6379, null, null, 0, false), settings.Endpoint);
    }

    [Theory]
    [InlineData("redis://localhost:6380/2", "localhost", 6380, null, 2, false)]
    [InlineData("redis://:s%40cret@10.0.0.5/0", "10.0.0.5", 6379, "s@cret", 0, false)]
    [InlineData("redis://user:pw@redis.internal:7000", "redis.internal", 7000, "pw", 0, false)]
    [InlineData("rediss://:pw@cache.example:6380/1", "cache.example", 6380, "pw", 1, true)]
    [InlineData("redis://[::1]:6390", "::1", 6390, null, 0, false)]
    public void Reads_tcp_and_tls_urls(string url, string host, int port, string? password, int db, bool tls)
    {
        var endpoint = Read($"connection-string = \"{url}\"").Endpoint;
        Assert.Equal(new RedisEndpoint(host, port, null, password, db, tls), endpoint);
        var options = endpoint.ToConfigurationOptions("t", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        Assert.Equal(tls, options.Ssl);
        Assert.Equal(db, options.DefaultDatabase);
        Assert.Equal(password, options.Password);
    }

    [Fact]
    public void Reads_a_unix_socket_path_with_options()
    {
        var endpoint = Read("connection-string = \"/run/lemegeton/redis.sock?db=3&password=p%26w\"").Endpoint;
        Assert.Equal(new RedisEndpoint(null, 0, "/run/lemegeton/redis.sock", "p&w", 3, false), endpoint);
        var options = endpoint.ToConfigurationOptions("t", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var socket = Assert.IsType<UnixDomainSocketEndPoint>(Assert.Single(options.EndPoints));
        Assert.Equal("/run/lemegeton/redis.sock", socket.ToString());
        Assert.Equal("/run/lemegeton/redis.sock?db=3&password=***", endpoint.ToString());
    }

    [Fact]
    public void Masks_the_password_when_printed()
    {
        var endpoint = Read("connection-string = \"redis://:hunter2@127.0.0.1:6379/0\"").Endpoint;
        Assert.Equal("redis://:***@127.0.0.1:6379/0", endpoint.ToString());
        Assert.IsType<IPEndPoint>(Assert.Single(endpoint.ToConfigurationOptions("t", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)).EndPoints));
    }

    [Theory]
    [InlineData("connection-string = \"\"", "akka.persistence.journal.lemegeton-redis.connection-string: no Redis is configured")]
    [InlineData("connection-string = \"http://:hunter2@host\"", "'http://***@host' is not a Redis address")]
    [InlineData("connection-string = \"redis://host/16\"", "names database '16'")]
    [InlineData("connection-string = \"/tmp/r.sock?db=x\"", "names database 'x'")]
    [InlineData("connection-string = \"/tmp/r.sock?tls=1\"", "unknown option 'tls'")]
    [InlineData("connection-string = \"redis://h\"\nkey-prefix = \"\"", "akka.persistence.journal.lemegeton-redis.key-prefix is empty")]
    [InlineData("connection-string = \"redis://h\"\nwrite-timeout = 0s", "akka.persistence.journal.lemegeton-redis.write-timeout must be a positive duration")]
    [InlineData("connection-string = \"redis://h\"\nwrite-timeout = soon", "akka.persistence.journal.lemegeton-redis.write-timeout = \"soon\" is not a duration")]
    [InlineData("connection-string = \"redis://h\"\nreplay-page-size = -1", "akka.persistence.journal.lemegeton-redis.replay-page-size = \"-1\" must be a positive whole number")]
    public void Names_the_key_and_the_fix_for_bad_settings(string hocon, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(hocon));
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void Hosting_options_produce_the_configuration_they_describe()
    {
        var options = new RedisPersistenceOptions
        {
            ConnectionString = "redis://:p\"w@127.0.0.1:6379/1",
            KeyPrefix = "lemegeton:{my \"project\"}:",
            WriteTimeout = TimeSpan.FromMilliseconds(1500),
        };
        var config = ConfigurationFactory.ParseString(options.ToHocon()).WithFallback(RedisPersistence.DefaultConfig);

        Assert.Equal(RedisPersistence.JournalPluginId, config.GetString("akka.persistence.journal.plugin"));
        Assert.Equal(RedisPersistence.SnapshotStorePluginId, config.GetString("akka.persistence.snapshot-store.plugin"));
        foreach (var id in new[] { RedisPersistence.JournalPluginId, RedisPersistence.SnapshotStorePluginId })
        {
            var settings = RedisPersistenceSettings.FromConfig(config.GetConfig(id), id);
            Assert.Equal("lemegeton:{my \"project\"}:", settings.KeyPrefix);
            Assert.Equal("p\"w", settings.Endpoint.Password);
            Assert.Equal(TimeSpan.FromMilliseconds(1500), settings.WriteTimeout);
        }

        Assert.StartsWith("Lemegeton.Persistence.Redis.RedisJournal,", config.GetString(RedisPersistence.JournalPluginId + ".class"));
    }
}
