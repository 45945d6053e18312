using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Spawner;

namespace Lemegeton.Hub.Tests.Spawner;

public sealed class SpawnerSettingsTests
{
    [Fact]
    public void Agents_are_numbered_per_type()
    {
        Assert.True(SpawnerAgentList.TryParse("worker:3, qc:1,worker", out var agents, out var error), error);
        Assert.Equal(
            [new("worker-1", "worker"), new("worker-2", "worker"), new("worker-3", "worker"), new("qc-1", "qc"), new SpawnedAgent("worker-4", "worker")],
            agents);
    }

    [Theory]
    [InlineData("", "no agents given")]
    [InlineData("wroker:4", "'wroker:4': unknown agent type 'wroker'; use planning, worker, qc, review.")]
    [InlineData("worker:0", "'worker:0': give a type and a positive count, e.g. worker:4.")]
    [InlineData("worker:-2", "'worker:-2': give a type and a positive count")]
    [InlineData("worker:four", "'worker:four': give a type and a positive count")]
    [InlineData("worker:2:3", "'worker:2:3': give a type and a positive count")]
    [InlineData("worker:2,,qc:1", "an empty entry")]
    [InlineData("worker:65", "one hub spawns at most 64")]
    public void Bad_specs_are_refused_with_the_part_named(string text, string expected)
    {
        Assert.False(SpawnerAgentList.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_agent_command_line_is_this_lemegeton_with_the_agent_flags()
    {
        var launch = new AgentLaunch(new SpawnedAgent("qc-1", "qc"), "127.0.0.1:4053", "claude -p \"$(cat $LEMEGETON_PR_FILE)\"", "/repo");
        var command = AgentCommandLine.ForLemegeton(new HubExecutable("/usr/bin/dotnet", ["/opt/lemegeton/lemegeton.dll"]), launch);
        Assert.Equal("/usr/bin/dotnet", command.FileName);
        Assert.Equal(["/opt/lemegeton/lemegeton.dll", "agent", "--hub", "127.0.0.1:4053", "--type", "qc", "--id", "qc-1", "--exec", "claude -p \"$(cat $LEMEGETON_PR_FILE)\""],
            command.Arguments);
    }

    [Fact]
    public void Validation_names_each_bad_setting()
    {
        var settings = new SpawnerSettings([new("worker-1", "worker"), new("worker-1", "worker")], " ", "/repo")
        {
            MaxRestarts = -1,
            StopGrace = TimeSpan.FromSeconds(-1),
        };
        var problems = settings.Validate();
        Assert.Contains(problems, p => p.StartsWith("exec:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("max-restarts:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("stop-grace:", StringComparison.Ordinal));
        Assert.Contains("agents: the id worker-1 is given twice", problems);
        Assert.Empty(new SpawnerSettings([new("worker-1", "worker")], "x", "/repo").Validate());
    }
}
