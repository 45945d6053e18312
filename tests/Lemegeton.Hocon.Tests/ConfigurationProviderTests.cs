using Lemegeton.Hocon.Configuration;
using Microsoft.Extensions.Configuration;

namespace Lemegeton.Hocon.Tests;

public sealed class ConfigurationProviderTests
{
    private sealed class ServerOptions
    {
        public TimeSpan HeartbeatTimeout { get; set; }
        public long SegmentSize { get; set; }
        public int MaxParallelPrs { get; set; }
        public bool PairedTestFiles { get; set; }
        public double RenewFraction { get; set; }
        public string Label { get; set; } = "";
        public string Verbatim { get; set; } = "";
        public List<string> Hosts { get; set; } = [];
        public Dictionary<string, int> Weights { get; set; } = [];
    }

    private static IConfigurationRoot Build(string hocon) =>
        new ConfigurationBuilder().AddHoconString(hocon, "app.conf", Hocon.Options()).Build();

    [Fact]
    public void Kebab_case_keys_bind_to_pascal_case_properties_with_durations_and_sizes()
    {
        var config = Build("""
            server {
              heartbeat-timeout = 10s
              segment-size = 64MiB
              max_parallel_prs = 4
              paired-test-files = true
              renew-fraction = 0.333
              label = 5 minutes later
              verbatim = "30s"
              hosts = [a, b]
              weights { "claude-code" = 2, aider = 1 }
            }
            """);

        var options = config.GetSection("server").Get<ServerOptions>()!;

        Assert.Equal(TimeSpan.FromSeconds(10), options.HeartbeatTimeout);
        Assert.Equal(64L * 1024 * 1024, options.SegmentSize);
        Assert.Equal(4, options.MaxParallelPrs);
        Assert.True(options.PairedTestFiles);
        Assert.Equal(0.333, options.RenewFraction);
        Assert.Equal("5 minutes later", options.Label);
        Assert.Equal("30s", options.Verbatim);
        Assert.Equal(["a", "b"], options.Hosts);
        Assert.Equal(2, options.Weights["claude-code"]);
    }

    [Fact]
    public void Flattened_keys_and_values_follow_the_documented_rules()
    {
        var config = Build("""
            a-b { c_d = 500ms, size = 1MiB, quoted = "1MiB", "x-y" = 1, n = null, empty {}, list = [1, [2, 3]] }
            """);

        Assert.Equal("00:00:00.5000000", config["ab:cd"]);
        Assert.Equal("1048576", config["ab:size"]);
        Assert.Equal("1MiB", config["ab:quoted"]);
        Assert.Equal("1", config["ab:x-y"]);
        Assert.Null(config["ab:xy"]);
        Assert.Null(config["ab:n"]);
        Assert.Contains(config.AsEnumerable(), p => p.Key == "ab:empty" && p.Value is null);
        Assert.Equal("1", config["ab:list:0"]);
        Assert.Equal("3", config["ab:list:1:1"]);
        Assert.Equal("ab:cd", HoconConfigurationKey.From("a-b.c_d"));
    }

    [Theory]
    [InlineData("30s", "00:00:30")]
    [InlineData("5m", "00:05:00")]
    [InlineData("2d", "2.00:00:00")]
    [InlineData("64MiB", "67108864")]
    [InlineData("10 MB", "10000000")]
    [InlineData("5M", "5242880")]
    [InlineData("42", "42")]
    [InlineData("redis://localhost:6379", "redis://localhost:6379")]
    [InlineData("v2", "v2")]
    [InlineData("Information", "Information")]
    public void Unquoted_values_are_normalised_for_the_binder(string text, string expected) =>
        Assert.Equal(expected, HoconConfigurationValue.Normalize(text));

    [Fact]
    public void Hocon_file_source_reads_a_real_file_and_honours_optional()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("app.conf", "a.b = 1");

        var config = new ConfigurationBuilder()
            .AddHoconFile(file)
            .AddHoconFile(Path.Combine(dir.Path, "missing.conf"), optional: true)
            .Build();

        Assert.Equal("1", config["a:b"]);
        Assert.Throws<FileNotFoundException>(() =>
            new ConfigurationBuilder().AddHoconFile(Path.Combine(dir.Path, "missing.conf")).Build());
    }

    [Fact]
    public void Parse_errors_surface_from_build_with_position()
    {
        var error = Assert.Throws<HoconException>(() =>
            new ConfigurationBuilder().AddHoconString("a {\n b = [\n}", "broken.conf").Build());

        Assert.StartsWith("broken.conf:3:1: ", error.Message);
    }

    [Fact]
    public void Later_hocon_source_overrides_earlier_by_key()
    {
        var config = new ConfigurationBuilder()
            .AddHoconString("x { heartbeat-timeout = 10s, keep = 1 }", "first.conf")
            .AddHoconString("x.heartbeat_timeout = 20s", "second.conf")
            .Build();

        Assert.Equal(TimeSpan.FromSeconds(20), config.GetValue<TimeSpan>("x:heartbeattimeout"));
        Assert.Equal("1", config["x:keep"]);
    }
}
