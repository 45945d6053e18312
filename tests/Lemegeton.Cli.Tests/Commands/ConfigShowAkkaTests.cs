using System.Text.Json;

namespace Lemegeton.Cli.Tests.Commands;

/// <summary><c>config show</c> prints the akka section beside the lemegeton section, in text and in --json.</summary>
public sealed class ConfigShowAkkaTests
{
    [Fact]
    public void Text_form_lists_both_sections_with_akka_paths_as_Akka_reads_them()
    {
        using var dir = new TempTaskList();
        dir.Write("akka.cluster.failure-detector.acceptable-heartbeat-pause = 2s", ".lemegeton/lemegeton.conf");

        var show = CliRun.Of(dir.Directory, "config", "show", "--set", "scheduler.max-parallel-prs=3", "--set", "akka.loglevel=DEBUG");

        Assert.Equal(0, show.ExitCode);
        Assert.Contains("lemegeton:scheduler:maxparallelprs = 3", show.Output);
        Assert.Contains("akka.cluster.failure-detector.acceptable-heartbeat-pause = 2s", show.Output);   // project file over reference
        Assert.Contains("akka.loglevel = DEBUG", show.Output);                                         // flag over reference
        Assert.Contains("akka.cluster.seed-nodes = [\"akka.tcp://lemegeton@127.0.0.1:4053\"]", show.Output);
        Assert.DoesNotContain("lemegeton:akka", show.Output);
    }

    [Fact]
    public void Json_form_stays_one_flat_map_of_strings_with_the_akka_keys_added()
    {
        using var dir = new TempTaskList();

        var show = CliRun.Of(dir.Directory, "config", "show", "--json");

        Assert.Equal(0, show.ExitCode);
        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(show.Output)!;
        Assert.Equal("00:05:00", map["lemegeton:leases:defaultttl"]);
        Assert.Equal("keep-oldest", map["akka.cluster.split-brain-resolver.active-strategy"]);
        Assert.Equal("200ms", map["akka.cluster.failure-detector.heartbeat-interval"]);
    }

    [Fact]
    public void A_bad_akka_flag_is_a_configuration_error_naming_the_flag()
    {
        using var dir = new TempTaskList();

        var bad = CliRun.Of(dir.Directory, "config", "show", "--set", "akka.loglevel");

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--set akka.loglevel", bad.Error);
    }
}
