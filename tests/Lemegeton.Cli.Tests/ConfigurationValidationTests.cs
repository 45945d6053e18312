using System.Collections;
using System.CommandLine;
using Lemegeton.Cli.Configuration;

namespace Lemegeton.Cli.Tests;

/// <summary>
/// Bad configuration stops every command at load with exit code 2, naming the key, where it was set
/// and what is allowed; nothing reaches a command to crash it, and no stack trace is printed.
/// </summary>
public sealed class ConfigurationValidationTests : IDisposable
{
    private readonly TempTaskList _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void AssertNoStackTrace(CliRun run) =>
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);

    [Theory]
    [InlineData("config", "show")]
    [InlineData("tasks", "schedule")]
    [InlineData("tasks", "validate")]
    public void A_misspelled_key_in_the_project_file_is_an_error_naming_file_line_and_the_closest_key(params string[] command)
    {
        _dir.Write(TempTaskList.List(TempTaskList.Pr("PR-001")), "docs/task-list.md");
        var file = _dir.Write("lemegeton.scheduler.max-paralel-prs = 4\n", ".lemegeton/lemegeton.conf");

        var run = CliRun.Of(_dir.Directory, command);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"configuration: {Path.GetFullPath(file)}:1:", run.Error);
        Assert.Contains("lemegeton.scheduler.max-paralel-prs: unknown key; did you mean lemegeton.scheduler.max-parallel-prs?", run.Error);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void A_misspelled_environment_variable_or_flag_is_an_error_naming_it()
    {
        var env = CliRun.With(_dir.Directory, new Hashtable { ["LEMEGETON__SCHEDULER__MAX_PARALEL_PRS"] = "4" }, "config", "show");
        var flag = CliRun.Of(_dir.Directory, "config", "show", "--set", "leases.ttl=5s");

        Assert.Equal(2, env.ExitCode);
        Assert.Contains("environment variable LEMEGETON__SCHEDULER__MAX_PARALEL_PRS", env.Error);
        Assert.Contains("did you mean lemegeton.scheduler.max-parallel-prs?", env.Error);
        Assert.Equal(2, flag.ExitCode);
        Assert.Contains("configuration: --set: lemegeton.leases.ttl: unknown key; did you mean lemegeton.leases.default-ttl?", flag.Error);
    }

    [Theory]
    [InlineData("config", "show")]
    [InlineData("tasks", "schedule")]
    public void An_out_of_range_value_is_refused_at_load_with_its_key_and_range(params string[] command)
    {
        _dir.Write(TempTaskList.List(TempTaskList.Pr("PR-001")), "docs/task-list.md");
        _dir.Write("lemegeton.scheduler.max-parallel-prs = -5\n", ".lemegeton/lemegeton.conf");

        var run = CliRun.Of(_dir.Directory, command);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("configuration: lemegeton.scheduler.max-parallel-prs: -5 is out of range; allowed 1 to 1000\n", run.Error.ReplaceLineEndings("\n"));
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Every_bad_value_is_reported_at_once()
    {
        var run = CliRun.Of(_dir.Directory, "config", "show",
            "--set", "leases.default-ttl=0s", "--set", "journal.file.max-batch=0", "--set", "git.author-name=", "--set", "redis.url=http://x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("lemegeton.leases.default-ttl: 0s is out of range; allowed 1s to 1d", run.Error);
        Assert.Contains("lemegeton.journal.file.max-batch: 0 is out of range; allowed 1 to 100000", run.Error);
        Assert.Contains("lemegeton.git.author-name: must not be empty", run.Error);
        Assert.Contains("lemegeton.redis.url:", run.Error);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_its_key()
    {
        var run = CliRun.Of(_dir.Directory, "config", "show", "--set", "leases.default-ttl=soon");
        var fsync = CliRun.Of(_dir.Directory, "config", "show", "--set", "journal.file.fsync=sometimes");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("configuration: lemegeton.leases.default-ttl: 'soon' is not a duration (e.g. 500ms, 30s, 5m, 1h)", run.Error);
        Assert.Equal(2, fsync.ExitCode);
        Assert.Contains("lemegeton.journal.file.fsync: 'sometimes' is not one of always, batch, never", fsync.Error);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void The_defaults_pass_every_validator()
    {
        var settings = ProductSettings.Load(_dir.Directory, [], new Hashtable());

        Assert.True(ProductValidators.Scheduler.Validate(null, settings.Scheduler).Succeeded);
        Assert.True(ProductValidators.Journal.Validate(null, settings.Journal).Succeeded);
    }

    [Fact]
    public void An_unexpected_exception_is_one_line_and_exit_70_with_the_stack_only_under_debug()
    {
        RootCommand Tree()
        {
            var root = CliApp.BuildRootCommand(new CliEnvironment(_dir.Directory, new Hashtable()));
            var boom = new Command("boom");
            boom.SetAction(new Func<ParseResult, int>(_ => throw new IOException("disk on fire\nsecond line \u001b[31m")));
            root.Add(boom);
            return root;
        }
        var quiet = new StringWriter();
        var loud = new StringWriter();

        var code = CliApp.Run(Tree(), ["boom"], new StringWriter(), quiet);
        var debugCode = CliApp.Run(Tree(), ["boom", "--debug"], new StringWriter(), loud);

        Assert.Equal(CliApp.UnexpectedErrorExitCode, code);
        Assert.Equal("lemegeton: unexpected error: disk on fire (IOException); run with --debug for details\n", quiet.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(CliApp.UnexpectedErrorExitCode, debugCode);
        Assert.Contains("   at ", loud.ToString(), StringComparison.Ordinal);
        Assert.Contains(@"second line \x1b[31m", loud.ToString(), StringComparison.Ordinal);
    }
}
