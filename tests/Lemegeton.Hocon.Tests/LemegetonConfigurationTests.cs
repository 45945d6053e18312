using System.Collections;
using Lemegeton.Hocon.Configuration;
using Microsoft.Extensions.Configuration;

namespace Lemegeton.Hocon.Tests;

/// <summary>The product's layers, with real files in temp directories and an injected environment.</summary>
public sealed class LemegetonConfigurationTests
{
    private static Hashtable Env(params (string Name, string Value)[] variables)
    {
        var env = new Hashtable();
        foreach (var (name, value) in variables)
        {
            env[name] = value;
        }

        return env;
    }

    [Fact]
    public void Reference_defaults_apply_when_nothing_overrides_them()
    {
        using var project = new TempDirectory();

        var config = LemegetonConfiguration.Build(project.Path, environment: Env());

        Assert.Equal("docs/task-list.md", config["lemegeton:tasklist:path"]);
        Assert.Equal(TimeSpan.FromSeconds(300), config.GetValue<TimeSpan>("lemegeton:leases:defaultttl"));
        Assert.Equal(10, config.GetValue<int>("lemegeton:scheduler:maxparallelprs"));
    }

    [Fact]
    public void Precedence_is_reference_then_project_file_then_environment_then_command_line()
    {
        using var project = new TempDirectory();
        project.Write(".lemegeton/lemegeton.conf", """
            lemegeton {
              scheduler.max-parallel-prs = 4      # project beats reference (10)
              leases.default-ttl = 120s                  # project, then environment
              git.busy-retry-interval = 10s             # project, then env, then command line
              git.busy-max-wait = 20s              # project only
            }
            """);
        var env = Env(
            ("LEMEGETON__LEASES__DEFAULT_TTL", "600s"),
            ("LEMEGETON__GIT__BUSY_RETRY_INTERVAL", "45s"),
            ("UNRELATED", "x"));
        var flags = new[] { LemegetonConfiguration.ParseOverride("lemegeton.git.busy-retry-interval=1m") };

        var config = LemegetonConfiguration.Build(project.Path, flags, env);

        Assert.Equal("1000", config["lemegeton:journal:snapshotevery"]);       // reference
        Assert.Equal(4, config.GetValue<int>("lemegeton:scheduler:maxparallelprs"));      // project
        Assert.Equal(TimeSpan.FromSeconds(20), config.GetValue<TimeSpan>("lemegeton:git:busymaxwait"));
        Assert.Equal(TimeSpan.FromMinutes(10), config.GetValue<TimeSpan>("lemegeton:leases:defaultttl")); // environment
        Assert.Equal(TimeSpan.FromMinutes(1), config.GetValue<TimeSpan>("lemegeton:git:busyretryinterval")); // command line
    }

    [Fact]
    public void Environment_names_map_double_underscores_to_sections_and_drop_single_underscores()
    {
        using var project = new TempDirectory();
        var env = Env(
            ("LEMEGETON__REDIS__SERVER_EXECUTABLE", "/opt/redis/bin/redis-server"),
            ("lemegeton__scheduler__MAXPARALLELPRS", "2"),
            ("LEMEGETON__JOURNAL__FILE__SEGMENT_MAX_BYTES", "1MiB"));

        var config = LemegetonConfiguration.Build(project.Path, environment: env);

        Assert.Equal("/opt/redis/bin/redis-server", config["lemegeton:redis:serverexecutable"]);
        Assert.Equal("2", config["lemegeton:scheduler:maxparallelprs"]);
        Assert.Equal(1_048_576L, config.GetValue<long>("lemegeton:journal:file:segmentmaxbytes"));
    }

    [Fact]
    public void Command_line_keys_accept_dots_or_colons_and_kebab_case()
    {
        using var project = new TempDirectory();
        var flags = new Dictionary<string, string?>
        {
            ["lemegeton:git:author-name"] = "Flag Author",
            ["lemegeton.redis.url"] = "redis://cache:6379/0",
        };

        var config = LemegetonConfiguration.Build(project.Path, flags, Env());

        Assert.Equal("Flag Author", config["lemegeton:git:authorname"]);
        Assert.Equal("redis://cache:6379/0", config["lemegeton:redis:url"]);
    }

    [Fact]
    public void Project_file_extends_defaults_with_substitutions_and_environment_lookups()
    {
        using var project = new TempDirectory();
        project.Write(".lemegeton/lemegeton.conf", """
            lemegeton.git.busy-retry-interval = ${lemegeton.leases.default-ttl}
            lemegeton.redis.url = ${?REDIS_URL}
            lemegeton.git.author-name = ${lemegeton.git.author-name}" (ci)"
            """);

        var config = LemegetonConfiguration.Build(project.Path, environment: Env(("REDIS_URL", "redis://r:1")));

        Assert.Equal(TimeSpan.FromSeconds(300), config.GetValue<TimeSpan>("lemegeton:git:busyretryinterval"));
        Assert.Equal("redis://r:1", config["lemegeton:redis:url"]);
        Assert.Equal("Lemegeton Hub (ci)", config["lemegeton:git:authorname"]);
    }

    [Fact]
    public void Project_file_may_include_files_next_to_it()
    {
        using var project = new TempDirectory();
        project.Write(".lemegeton/local.conf", "lemegeton.git.author-name = Included");
        project.Write(".lemegeton/lemegeton.conf", "include \"local.conf\"");

        var config = LemegetonConfiguration.Build(project.Path, environment: Env());

        Assert.Equal("Included", config["lemegeton:git:authorname"]);
    }

    [Fact]
    public void Broken_project_file_fails_with_its_full_path_line_and_column()
    {
        using var project = new TempDirectory();
        var file = project.Write(".lemegeton/lemegeton.conf", "lemegeton {\n  leases {\n    ttl = 300s\n  }\n");

        var error = Assert.Throws<HoconException>(() => LemegetonConfiguration.Build(project.Path, environment: Env()));

        Assert.Equal($"{Path.GetFullPath(file)}:5:1: expected '}}' to close the object opened at line 1, column 11, got the end of the file", error.Message);
    }

    [Fact]
    public void Parse_override_refuses_text_without_an_assignment()
    {
        Assert.Throws<FormatException>(() => LemegetonConfiguration.ParseOverride("lemegeton.leases.ttl"));
        Assert.Equal(new KeyValuePair<string, string?>("a.b", "1 2"), LemegetonConfiguration.ParseOverride(" a.b = 1 2 "));
    }
}
