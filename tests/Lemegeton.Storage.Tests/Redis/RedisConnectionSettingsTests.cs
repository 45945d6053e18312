using Lemegeton.Storage.Redis;

namespace Lemegeton.Storage.Tests.Redis;

public sealed class RedisConnectionSettingsTests
{
    [Theory]
    [InlineData("redis://127.0.0.1:6380/2", "127.0.0.1", 6380, null, 2)]
    [InlineData("redis://:s3cret@localhost:7000", "localhost", 7000, "s3cret", 0)]
    [InlineData("redis://user:p%40ss@redis.internal/0", "redis.internal", 6379, "p@ss", 0)]
    [InlineData("redis://host", "host", 6379, null, 0)]
    public void Parses_host_port_password_and_database(string url, string host, int port, string? password, int db)
    {
        var s = RedisConnectionSettings.Parse(url);
        Assert.Equal(new RedisConnectionSettings(host, port, password, db), s);
        var options = s.ToConfigurationOptions();
        Assert.False(options.AbortOnConnectFail);
        Assert.Equal(password, options.Password);
        Assert.Equal(db, options.DefaultDatabase);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("http://host:1", "redis://")]
    [InlineData("redis://host:1/abc", "database 'abc'")]
    [InlineData("redis://host:1/16", "0 to 15")]
    public void Bad_urls_say_what_is_wrong(string url, string expected)
    {
        Assert.False(RedisConnectionSettings.TryParse(url, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void The_password_never_appears_in_the_logged_form_but_round_trips_in_the_url()
    {
        var s = RedisConnectionSettings.Parse("redis://:top%2Fsecret@127.0.0.1:6399/1");
        Assert.Equal("redis://:***@127.0.0.1:6399/1", s.ToString());
        Assert.Equal(s, RedisConnectionSettings.Parse(s.ToUrl()));
    }

    [Fact]
    public void Keys_are_namespaced_by_a_sanitised_project_name()
    {
        var keys = new Lemegeton.Storage.Redis.RedisKeys("my repo/x");
        Assert.Equal("lemegeton:my_repo_x:", keys.Prefix);
        Assert.Equal("lemegeton:my_repo_x:lease:file:src/a.cs", keys.LeaseFile("src/a.cs").ToString());
        Assert.Equal("lemegeton:my_repo_x:journal", keys.Journal.ToString());
    }
}
