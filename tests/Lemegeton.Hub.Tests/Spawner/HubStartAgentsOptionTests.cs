using Lemegeton.Cli;
using Lemegeton.Cli.Commands;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Spawner;
using Lemegeton.Hub.Tests.Infrastructure;

namespace Lemegeton.Hub.Tests.Spawner;

/// <summary><c>hub start --agents … --exec …</c>: bad values exit 2 before any hub starts, naming the flag.</summary>
public sealed class HubStartAgentsOptionTests
{
    [Theory]
    [InlineData(new[] { "--agents", "wroker:2", "--exec", "x" }, "--agents: 'wroker:2': unknown agent type 'wroker'")]
    [InlineData(new[] { "--agents", "worker:0", "--exec", "x" }, "--agents: 'worker:0': give a type and a positive count")]
    [InlineData(new[] { "--agents", "worker:2" }, "--agents needs --exec")]
    [InlineData(new[] { "--exec", "lemegeton fake-coder" }, "--exec: given without --agents")]
    [InlineData(new[] { "--agent-timeout", "5m" }, "--agent-timeout: given without --agents")]
    [InlineData(new[] { "--agents", "worker:2", "--exec", "x", "--agent-timeout", "soon" }, "--agent-timeout 'soon' is not a duration such as 90s, 30m or 2h.")]
    public void Bad_agent_options_exit_2_and_start_no_hub(string[] options, string expected)
    {
        using var repo = new TempRepository();
        var error = new StringWriter();

        var code = CliApp.Run(["hub", "start", .. options], new StringWriter(), error, new CliEnvironment(repo.Root, new System.Collections.Hashtable()));

        Assert.Equal(HubExitCodes.BadConfiguration, code);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(repo.Paths.PidFile));
    }

    [Fact]
    public void Good_options_become_the_spawner_settings_of_the_repository()
    {
        Assert.True(HubStartCommand.TryCreateSpawnerSettings("worker:2,qc:1", "lemegeton fake-coder", "/repo", out var settings, out var error), error);
        Assert.Equal(["worker-1", "worker-2", "qc-1"], settings!.Agents.Select(a => a.Id));
        Assert.Equal("lemegeton fake-coder", settings.ExecTemplate);
        Assert.Equal("/repo", settings.WorkingDirectory);
        Assert.Null(settings.CommandTimeout);
        Assert.True(HubStartCommand.TryCreateSpawnerSettings(null, null, "/repo", out var none, out _));
        Assert.Null(none);
    }

    [Fact]
    public void Agent_timeout_becomes_each_spawned_agents_timeout_option()
    {
        Assert.True(HubStartCommand.TryCreateSpawnerSettings("worker:1", "x", "/repo", out var settings, out var error, "1500ms"), error);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), settings!.CommandTimeout);

        var line = AgentCommandLine.ForLemegeton(new HubExecutable("/bin/lemegeton", []),
            new AgentLaunch(settings.Agents[0], "127.0.0.1:4053", "x", "/repo", settings.CommandTimeout));
        Assert.Equal(["agent", "--hub", "127.0.0.1:4053", "--type", "worker", "--id", "worker-1", "--exec", "x", "--timeout", "1500ms"], line.Arguments);
        var without = AgentCommandLine.ForLemegeton(new HubExecutable("/bin/lemegeton", []), new AgentLaunch(settings.Agents[0], "127.0.0.1:4053", "x", "/repo"));
        Assert.DoesNotContain("--timeout", without.Arguments);
    }
}
