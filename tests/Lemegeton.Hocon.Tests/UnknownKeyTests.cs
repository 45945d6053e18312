using System.Collections;
using Lemegeton.Hocon.Configuration;

namespace Lemegeton.Hocon.Tests;

/// <summary>A key under lemegeton that reference.conf does not define is an error naming it, its source and the closest known key.</summary>
public sealed class UnknownKeyTests
{
    private const string Misspelled = "lemegeton.scheduler.max-paralel-prs";
    private const string Meant = "lemegeton.scheduler.max-parallel-prs";

    [Fact]
    public void A_misspelled_key_in_the_project_file_names_file_line_and_the_closest_key()
    {
        using var project = new TempDirectory();
        var file = project.Write(".lemegeton/lemegeton.conf", "lemegeton {\n  scheduler {\n    max-paralel-prs = 4\n  }\n}\n");

        var e = Assert.Throws<ConfigurationKeyException>(() => LemegetonConfiguration.Build(project.Path, environment: new Hashtable()));

        var p = Assert.Single(e.Problems);
        Assert.Equal(Misspelled, p.Key);
        Assert.Equal($"{Path.GetFullPath(file)}:3:23", p.Source);
        Assert.Equal(Meant, p.Suggestion);
        Assert.Equal($"{Path.GetFullPath(file)}:3:23: {Misspelled}: unknown key; did you mean {Meant}?", e.Message);
    }

    [Fact]
    public void A_misspelled_environment_variable_is_named()
    {
        using var project = new TempDirectory();
        var env = new Hashtable { ["LEMEGETON__SCHEDULER__MAX_PARALEL_PRS"] = "4", ["PATH"] = "/bin", ["LEMEGETON__LEASES__DEFAULT_TTL"] = "1s" };

        var e = Assert.Throws<ConfigurationKeyException>(() => LemegetonConfiguration.Build(project.Path, environment: env));

        var p = Assert.Single(e.Problems);
        Assert.Equal("environment variable LEMEGETON__SCHEDULER__MAX_PARALEL_PRS", p.Source);
        Assert.Equal(Meant, p.Suggestion);
    }

    [Fact]
    public void A_misspelled_override_is_named()
    {
        using var project = new TempDirectory();

        var e = Assert.Throws<ConfigurationKeyException>(() =>
            LemegetonConfiguration.Build(project.Path, [LemegetonConfiguration.ParseOverride("lemegeton.leases.ttl=5s")], new Hashtable()));

        var p = Assert.Single(e.Problems);
        Assert.Equal(LemegetonConfiguration.CommandLineSource, p.Source);
        Assert.Equal("lemegeton.leases.default-ttl", p.Suggestion);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_go_and_far_keys_get_no_suggestion()
    {
        using var project = new TempDirectory();
        project.Write(".lemegeton/lemegeton.conf", "lemegeton.colour-scheme = dark\nlemegeton.scheduler = 3\nlemegeton.journal.file.fsync.mode = x\n");

        var e = Assert.Throws<ConfigurationKeyException>(() => LemegetonConfiguration.Build(project.Path, environment: new Hashtable()));

        Assert.Equal(3, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.Key == "lemegeton.colour-scheme" && p.Suggestion is null);
        Assert.Contains(e.Problems, p => p.Key == "lemegeton.scheduler" && p.Problem.StartsWith("is a section", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Key == "lemegeton.journal.file.fsync.mode");
    }

    [Fact]
    public void Known_keys_lists_items_nulls_and_sections_outside_lemegeton_are_accepted()
    {
        using var project = new TempDirectory();
        project.Write(".lemegeton/lemegeton.conf", """
            akka.actor.provider = cluster
            my-defaults { ttl = 60s }
            lemegeton {
              redis.url = "redis://127.0.0.1:6379/0"
              redis.project = demo
              scheduler.order = [id, priority]
              leases.default-ttl = ${my-defaults.ttl}
            }
            """);
        var env = new Hashtable { ["LEMEGETON__SCHEDULER__ORDER__0"] = "complexity", ["LEMEGETON__REDIS__HEALTH__FAILURE_THRESHOLD"] = "5" };

        var config = LemegetonConfiguration.Build(project.Path, [LemegetonConfiguration.ParseOverride("akka.loglevel=DEBUG")], env);

        Assert.Equal("demo", config["lemegeton:redis:project"]);
        Assert.Equal("complexity", config["lemegeton:scheduler:order:0"]);
    }

    [Fact]
    public void A_huge_unknown_key_is_reported_without_a_suggestion()
    {
        // Found by the fuzz tests: the edit distance of a 160,000-character key against every known key took seconds.
        var key = "lemegeton." + new string('i', 160_000);

        Assert.Null(KnownConfigurationKeys.Reference.Closest(key));
        Assert.Equal("lemegeton.task-list.mode", KnownConfigurationKeys.Reference.Closest("lemegeton.task-list.mdoe"));
    }

    [Fact]
    public void Known_keys_come_from_reference_conf()
    {
        var keys = KnownConfigurationKeys.Reference.Keys;

        Assert.Contains(Meant, keys);
        Assert.Contains("lemegeton.redis.url", keys);
        Assert.Contains("lemegeton.journal.file.fsync-interval", keys);
        Assert.DoesNotContain("lemegeton.scheduler", keys);
        var custom = new KnownConfigurationKeys(Hocon.Parse("lemegeton { hub { port = 1 } }"));
        Assert.Equal(["lemegeton.hub.port"], custom.Keys);
        Assert.Equal("lemegeton.hub.port", custom.Closest("lemegeton.hub.prot"));
    }
}
