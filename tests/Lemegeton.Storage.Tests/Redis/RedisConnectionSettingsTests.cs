using System.Net;
using System.Net.Sockets;
using Lemegeton.Storage.Redis;

namespace Lemegeton.Storage.Tests.Redis;

public sealed class RedisConnectionSettingsTests
{
    [Theory]
    [InlineData("redis://127.0.0.1:6380/2", "127.0.0.1", 6380, null, null, 2)]
    [InlineData("redis://:s3cret@localhost:7000", "localhost", 7000, null, "s3cret", 0)]
    [InlineData("redis://user:p%40ss@redis.internal/0", "redis.internal", 6379, "user", "p@ss", 0)]
    [InlineData("redis://host", "host", 6379, null, null, 0)]
    public void Parses_tcp_host_port_user_password_and_database(string url, string host, int port, string? user, string? password, int db)
    {
        var s = RedisConnectionSettings.Parse(url);
        Assert.Equal(new RedisConnectionSettings(host, port, password, db) { User = user }, s);
        var options = s.ToConfigurationOptions();
        Assert.False(options.AbortOnConnectFail);
        Assert.False(options.AllowAdmin);
        Assert.False(options.Ssl);
        Assert.Equal(user, options.User);
        Assert.Equal(password, options.Password);
        Assert.Equal(db, options.DefaultDatabase);
        var endpoint = Assert.Single(options.EndPoints) switch
        {
            DnsEndPoint d => (d.Host, d.Port),
            IPEndPoint i => (i.Address.ToString(), i.Port),
            var other => (other.ToString()!, 0),
        };
        Assert.Equal((host, port), endpoint);
    }

    [Fact]
    public void Rediss_means_tls_with_the_host_name_checked_and_an_optional_ca()
    {
        var s = RedisConnectionSettings.Parse("rediss://:pw@redis.example.com:6380/1?ca=%2Fetc%2Fredis%2Fca.pem");

        Assert.True(s.Tls);
        Assert.Equal("/etc/redis/ca.pem", s.TlsCaPath);
        Assert.Equal(("redis.example.com", 6380, "pw", 1), (s.Host, s.Port, s.Password, s.Database));
        Assert.Equal("rediss://:***@redis.example.com:6380/1?ca=%2Fetc%2Fredis%2Fca.pem", s.ToString());
        Assert.Equal(s, RedisConnectionSettings.Parse(s.ToUrl()));
    }

    [Theory]
    [InlineData("unix:///run/redis/redis.sock", "/run/redis/redis.sock", null, null, 0)]
    [InlineData("unix://:s3cret@/run/redis/redis.sock?db=3", "/run/redis/redis.sock", null, "s3cret", 3)]
    [InlineData("unix://hub:p%40ss@/tmp/a%20b/r.sock", "/tmp/a b/r.sock", "hub", "p@ss", 0)]
    public void Parses_unix_socket_urls(string url, string path, string? user, string? password, int db)
    {
        var s = RedisConnectionSettings.Parse(url);

        Assert.Equal((path, user, password, db), (s.UnixSocket, s.User, s.Password, s.Database));
        var endpoint = Assert.IsType<UnixDomainSocketEndPoint>(Assert.Single(s.ToConfigurationOptions().EndPoints));
        Assert.Equal(path, endpoint.ToString());
        Assert.Equal(s, RedisConnectionSettings.Parse(s.ToUrl()));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("http://host:1", "redis://")]
    [InlineData("redis://host:1/abc", "database 'abc'")]
    [InlineData("redis://host:1/16", "0 to 15")]
    [InlineData("redis://host:1/0?ca=/x.pem", "unknown parameter 'ca'")]
    [InlineData("unix://relative/redis.sock", "absolute socket path")]
    [InlineData("unix:///run/redis/", "socket file")]
    [InlineData("unix:///run/redis.sock?db=x", "database 'x'")]
    [InlineData("unix:///run/redis.sock?timeout=1", "unknown parameter 'timeout'")]
    public void Bad_urls_say_what_is_wrong(string url, string expected)
    {
        Assert.False(RedisConnectionSettings.TryParse(url, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void An_error_never_repeats_the_password()
    {
        Assert.False(RedisConnectionSettings.TryParse("redis://:hunter2@host:1/99", out _, out var error));
        Assert.DoesNotContain("hunter2", error);
        Assert.False(RedisConnectionSettings.TryParse("unix://:hunter2@/run/r.sock?db=99", out _, out error));
        Assert.DoesNotContain("hunter2", error);
    }

    [Fact]
    public void The_password_never_appears_in_the_logged_form_but_round_trips_in_the_url()
    {
        var s = RedisConnectionSettings.Parse("redis://:top%2Fsecret@127.0.0.1:6399/1");
        Assert.Equal("redis://:***@127.0.0.1:6399/1", s.ToString());
        Assert.Equal(s, RedisConnectionSettings.Parse(s.ToUrl()));
        var unix = RedisConnectionSettings.ForUnixSocket("/tmp/x/redis.sock", "top/secret");
        Assert.Equal("unix://:***@/tmp/x/redis.sock", unix.ToString());
        Assert.Equal(unix, RedisConnectionSettings.Parse(unix.ToUrl()));
    }

    [Fact]
    public void Keys_are_namespaced_by_a_sanitised_project_name()
    {
        var keys = new RedisKeys("my repo/x");
        Assert.Equal("lemegeton:my_repo_x:", keys.Prefix);
        Assert.Equal("lemegeton:my_repo_x:lease:file:src/a.cs", keys.LeaseFile("src/a.cs").ToString());
        Assert.Equal("lemegeton:my_repo_x:lease:session:s-1", keys.LeaseSession("s-1").ToString());
        Assert.Equal("lemegeton:my_repo_x:lease:fencing", keys.FencingCounter.ToString());
        Assert.Equal("lemegeton:my_repo_x:health", keys.Health.ToString());
    }
}
