using System.Collections;
using System.Reflection;
using Lemegeton.Cli.Configuration;
using Lemegeton.Core.Scheduling;
using Lemegeton.Core.TaskList;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Node;
using Lemegeton.Storage.Git;
using Lemegeton.Storage.Journal;
using Lemegeton.Storage.Leases;
using Lemegeton.Storage.Redis;

namespace Lemegeton.Cli.Tests;

/// <summary>
/// reference.conf against the product's real Options classes, and the precedence of the layers as
/// the commands see them: reference.conf, .lemegeton/lemegeton.conf, LEMEGETON__ variables, --set.
/// </summary>
public sealed class ConfigurationTests
{
    private static ProductSettings Defaults()
    {
        using var dir = new TempTaskList();
        return ProductSettings.Load(dir.Directory, [], new Hashtable());
    }

    [Fact]
    public void Reference_conf_binds_to_the_real_options_with_the_same_defaults_as_the_code()
    {
        var settings = Defaults();

        AssertSameValues(new LeaseOptions(), settings.Bind<LeaseOptions>("leases"));
        AssertSameValues(new RedisOptions(), settings.Bind<RedisOptions>("redis"));
        AssertSameValues(new JournalOptions(), settings.Bind<JournalOptions>("journal"));
        AssertSameValues(new HubOptions(), settings.Bind<HubOptions>("hub"));
        AssertSameValues(new LoggingOptions(), settings.Bind<LoggingOptions>("logging"));
        AssertSameValues(new CoordinationOptions(), settings.Bind<CoordinationOptions>("coordination"));
        var git = settings.Bind<GitMirrorOptions>("git");
        AssertSameValues(new GitMirrorOptions(), git);
        Assert.Equal(new GitMirrorOptions().TaskListPath, settings.TaskListPath);
        Assert.Equal(TaskListParseOptions.Strict, settings.TaskList);
        var scheduler = settings.Scheduler;
        var code = new SchedulerOptions();
        Assert.Equal(code.MaxParallelPrs, scheduler.MaxParallelPrs);
        Assert.Equal(code.Strategy, scheduler.Strategy);
        Assert.Equal(code.Order, scheduler.Order);
    }

    [Fact]
    public void Layers_apply_in_order_file_then_environment_then_set_flags()
    {
        using var dir = new TempTaskList();
        dir.Write("lemegeton { scheduler.max-parallel-prs = 4, leases.default-ttl = 120s, git.author-name = \"File\" }", ".lemegeton/lemegeton.conf");
        var env = new Hashtable { ["LEMEGETON__LEASES__DEFAULT_TTL"] = "600s", ["LEMEGETON__GIT__AUTHOR_NAME"] = "Env" };

        var settings = ProductSettings.Load(dir.Directory, ["git.author-name=Flag", "lemegeton.journal.snapshot-every=7"], env);

        Assert.Equal(4, settings.Scheduler.MaxParallelPrs);                                      // file over reference
        Assert.Equal(TimeSpan.FromMinutes(10), settings.Bind<LeaseOptions>("leases").DefaultTtl); // environment over file
        Assert.Equal("Flag", settings.Bind<GitMirrorOptions>("git").AuthorName);                 // flag over environment
        Assert.Equal(7, settings.Bind<JournalOptions>("journal").SnapshotEvery);
    }

    [Fact]
    public void Commands_take_the_task_list_path_and_mode_from_configuration()
    {
        using var dir = new TempTaskList();
        dir.Write(TempTaskList.List(TempTaskList.Pr("PR-001")), "plans/file.md");
        dir.Write(TempTaskList.List(TempTaskList.Pr("PR-001"), TempTaskList.Pr("PR-002")), "plans/env.md");
        dir.Write(TempTaskList.List(TempTaskList.Pr("PR-001", "[PR-404]")), "plans/flag.md");
        dir.Write("lemegeton.task-list.path = plans/file.md", ".lemegeton/lemegeton.conf");
        var env = new Hashtable { ["LEMEGETON__TASK_LIST__PATH"] = "plans/env.md" };

        var fromFile = CliRun.Of(dir.Directory, "tasks", "validate");
        var fromEnv = CliRun.With(dir.Directory, env, "tasks", "validate");
        var fromFlag = CliRun.With(dir.Directory, env, "tasks", "validate", "--set", "task-list.path=plans/flag.md");
        var lenientFlag = CliRun.With(dir.Directory, env, "tasks", "validate", "--set", "task-list.path=plans/flag.md", "--set", "task-list.mode=lenient");

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Contains("file.md: valid, 1 PR", fromFile.Output);
        Assert.Contains("env.md: valid, 2 PRs", fromEnv.Output);
        Assert.Equal(1, fromFlag.ExitCode);
        Assert.Contains("flag.md", fromFlag.Output);
        Assert.Contains("PR-404", lenientFlag.Output);
    }

    [Fact]
    public void Schedule_takes_its_cap_from_configuration_and_the_flag_beats_it()
    {
        using var dir = new TempTaskList();
        var list = dir.Write(TempTaskList.List(TempTaskList.Pr("PR-001"), TempTaskList.Pr("PR-002"), TempTaskList.Pr("PR-003")));

        var capped = CliRun.Of(dir.Directory, "tasks", "schedule", list, "--agents", "worker:3", "--set", "scheduler.max-parallel-prs=1");
        var flag = CliRun.Of(dir.Directory, "tasks", "schedule", list, "--agents", "worker:3", "--set", "scheduler.max-parallel-prs=1", "--max-parallel", "2");

        Assert.Equal(0, capped.ExitCode);
        Assert.Contains("1 would start", capped.Output);
        Assert.Contains("2 would start", flag.Output);
    }

    [Fact]
    public void Config_show_prints_effective_values_and_bad_input_names_the_key()
    {
        using var dir = new TempTaskList();

        var show = CliRun.Of(dir.Directory, "config", "show", "--set", "scheduler.max-parallel-prs=3");
        var badFlag = CliRun.Of(dir.Directory, "config", "show", "--set", "scheduler.max-parallel-prs");
        var badStrategy = CliRun.Of(dir.Directory, "tasks", "schedule", "--set", "scheduler.strategy=fastest");
        var badMode = CliRun.Of(dir.Directory, "tasks", "validate", "--set", "task-list.mode=loose");
        dir.Write("lemegeton {\n  scheduler {\n    max-parallel-prs = \n", ".lemegeton/lemegeton.conf");
        var badFile = CliRun.Of(dir.Directory, "config", "show");

        Assert.Equal(0, show.ExitCode);
        Assert.Contains("lemegeton:scheduler:maxparallelprs = 3", show.Output);
        Assert.Contains("lemegeton:leases:defaultttl = 00:05:00", show.Output);
        Assert.Equal(2, badFlag.ExitCode);
        Assert.Contains("--set scheduler.max-parallel-prs", badFlag.Error);
        Assert.Equal(2, badFile.ExitCode);
        Assert.Contains("lemegeton.conf:", badFile.Error);
        Assert.Equal(2, badStrategy.ExitCode);
        Assert.Contains("lemegeton.scheduler.strategy: 'fastest' is not a strategy", badStrategy.Error);
        Assert.Equal(2, badMode.ExitCode);
        Assert.Contains("lemegeton.task-list.mode: 'loose' is not a task-list mode", badMode.Error);
    }

    private static void AssertSameValues<T>(T expected, T actual)
    {
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var e = property.GetValue(expected);
            var a = property.GetValue(actual);
            if (e is not null && property.PropertyType.IsClass && property.PropertyType != typeof(string))
            {
                typeof(ConfigurationTests).GetMethod(nameof(AssertSameValues), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(property.PropertyType).Invoke(null, [e, a]);
                continue;
            }
            Assert.True(Equals(e, a), $"{typeof(T).Name}.{property.Name}: reference.conf gives '{a}', the code's default is '{e}'");
        }
    }
}
