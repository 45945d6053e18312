using Akka.Configuration;
using Lemegeton.Hocon;
using Lemegeton.Hosting.Configuration;
using Lemegeton.Hosting.Tests.Infrastructure;

namespace Lemegeton.Hosting.Tests;

/// <summary>
/// The <c>akka</c> section goes through our reader (reference.conf, project file, --set flags) and
/// reaches Akka's <see cref="Config"/> with the same values, whatever HOCON features produced them.
/// </summary>
public sealed class AkkaConfigurationTests
{
    [Fact]
    public void Reference_defaults_reach_Akka_with_their_types()
    {
        var config = ClusterNode.LoadAkka(null).ToConfig();

        Assert.Equal("cluster", config.GetString("akka.actor.provider"));
        Assert.False(config.GetBoolean("akka.actor.serialize-messages"));
        Assert.Equal(TimeSpan.FromMilliseconds(200), config.GetTimeSpan("akka.cluster.failure-detector.heartbeat-interval"));
        Assert.Equal(TimeSpan.FromMilliseconds(750), config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.Equal(8.0, config.GetDouble("akka.cluster.failure-detector.threshold"));
        Assert.Equal(4L * 1024 * 1024, config.GetByteSize("akka.remote.dot-netty.tcp.maximum-frame-size"));
        Assert.Equal(4053, config.GetInt("akka.remote.dot-netty.tcp.port"));
        Assert.Equal("keep-oldest", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.False(config.GetBoolean("akka.cluster.split-brain-resolver.keep-oldest.down-if-alone"));
        Assert.Equal("hub", config.GetString("akka.cluster.split-brain-resolver.keep-oldest.role"));
        // The seed node is built from hostname and port by substitutions, which Akka never sees.
        Assert.Equal(["akka.tcp://lemegeton@127.0.0.1:4053"], config.GetStringList("akka.cluster.seed-nodes"));
    }

    [Fact]
    public void Project_file_features_that_Akka_cannot_parse_arrive_resolved()
    {
        const string conf = """
            akka {
              remote.dot-netty.tcp.port = 5000
              lemegeton-probe {
                list = [1]
                list += 2
                home = "/default"
                home = ${?LEMEGETON_TEST_HOME}
                text = "quote \" backslash \\ tab \t é ✓"
                nothing = null
                empty {}
              }
              actor.serialization-bindings {
                "Lemegeton.Protocol.IProtocolMessage, Lemegeton.Protocol" = lemegeton-json
              }
              cluster.failure-detector.acceptable-heartbeat-pause = 2500ms
            }
            """;

        var akka = ClusterNode.LoadAkka(conf);
        var config = akka.ToConfig();

        Assert.Equal([1, 2], config.GetIntList("akka.lemegeton-probe.list"));
        Assert.Equal("/default", config.GetString("akka.lemegeton-probe.home"));
        Assert.Equal("quote \" backslash \\ tab \t é ✓", config.GetString("akka.lemegeton-probe.text"));
        Assert.Equal(TimeSpan.FromMilliseconds(2500), config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        // The seed node follows the project's port: the substitution is resolved after the layers merge.
        Assert.Equal(["akka.tcp://lemegeton@127.0.0.1:5000"], config.GetStringList("akka.cluster.seed-nodes"));
        var bindings = config.GetConfig("akka.actor.serialization-bindings").AsEnumerable().ToDictionary(kv => kv.Key, kv => kv.Value.GetString());
        Assert.Equal("lemegeton-json", bindings["Lemegeton.Protocol.IProtocolMessage, Lemegeton.Protocol"]);
        // Our view keeps the dashes and quotes the key that needs it.
        Assert.Contains(akka.Entries, e => e.DisplayPath == "akka.actor.serialization-bindings.\"Lemegeton.Protocol.IProtocolMessage, Lemegeton.Protocol\"" && e.DisplayValue == "lemegeton-json");
        Assert.Contains(akka.Entries, e => e.DisplayPath == "akka.lemegeton-probe.list" && e.DisplayValue == "[1, 2]");
    }

    [Fact]
    public void Set_flags_override_the_files_and_may_replace_a_list_or_a_whole_object()
    {
        var akka = ClusterNode.LoadAkka("akka.lemegeton-probe { a = 1, b = 2 }", [
            "akka.loglevel=DEBUG",
            "akka.cluster.failure-detector.acceptable-heartbeat-pause=3s",
            "akka.cluster.seed-nodes=[\"akka.tcp://lemegeton@10.0.0.5:4053\", \"akka.tcp://lemegeton@10.0.0.6:4053\"]",
            "akka.lemegeton-probe.a=replaced",
            "akka.lemegeton-probe=gone",
        ]);
        var config = akka.ToConfig();

        Assert.Equal("DEBUG", config.GetString("akka.loglevel"));
        Assert.Equal(TimeSpan.FromSeconds(3), config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.Equal(["akka.tcp://lemegeton@10.0.0.5:4053", "akka.tcp://lemegeton@10.0.0.6:4053"], config.GetStringList("akka.cluster.seed-nodes"));
        Assert.Equal("gone", config.GetString("akka.lemegeton-probe"));
        Assert.DoesNotContain(akka.Entries, e => e.DisplayPath.StartsWith("akka.lemegeton-probe.", StringComparison.Ordinal));
        // Untouched defaults stay.
        Assert.Equal(TimeSpan.FromMilliseconds(200), config.GetTimeSpan("akka.cluster.failure-detector.heartbeat-interval"));
    }

    [Theory]
    [InlineData("akka.loglevel", "--set akka.loglevel")]
    [InlineData("akka.=x", "expected a path under akka.")]
    [InlineData("akka..a=x", "expected a path under akka.")]
    public void A_bad_flag_names_itself(string flag, string expected)
    {
        var e = Assert.Throws<FormatException>(() => ClusterNode.LoadAkka(null, [flag]));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_bad_HOCON_value_in_a_flag_names_the_flag()
    {
        var e = Assert.Throws<HoconException>(() => ClusterNode.LoadAkka(null, ["akka.cluster.seed-nodes=[\"unterminated"]));
        Assert.Contains("--set akka.cluster.seed-nodes", e.Message);
    }

    [Fact]
    public void Only_akka_flags_are_taken()
    {
        Assert.True(AkkaConfiguration.IsAkkaAssignment("akka.loglevel=DEBUG"));
        Assert.False(AkkaConfiguration.IsAkkaAssignment("lemegeton.akka.loglevel=DEBUG"));
        Assert.False(AkkaConfiguration.IsAkkaAssignment("scheduler.max-parallel-prs=3"));
    }

    [Fact]
    public void A_tree_without_an_akka_section_gives_an_empty_one()
    {
        var akka = AkkaConfiguration.From(HoconParser.Parse("lemegeton.a = 1"));

        Assert.Empty(akka.Entries);
        Assert.True(akka.ToConfig().IsEmpty);
    }
}
