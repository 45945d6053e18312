using System.Diagnostics;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Spawner;

namespace Lemegeton.Hub.Tests.Spawner;

/// <summary>The spawner with real processes (shell scripts) and the real scheduler: output, SIGKILL restarts, SIGTERM then SIGKILL at stop.</summary>
[Trait("Category", "Slow")]
public sealed class AgentProcessTests : TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly CapturedLog _log = new();
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("lemegeton-spawner-");

    [Fact]
    public async Task Every_output_line_is_logged_with_the_agent_id_and_a_process_honouring_sigterm_stops_without_sigkill()
    {
        var events = EventsProbe();
        var settings = ShellAgents.Settings("echo \"hello from $LEMEGETON_AGENT_ID\"; echo 'warning: disk' >&2; exec sleep 30", _dir.FullName, "worker:2");
        var spawner = Sys.ActorOf(AgentSpawnerActor.Props(settings, _log.Factory));

        foreach (var id in new[] { "worker-1", "worker-2" })
        {
            var line = await _log.WaitFor($"'hello from {id}'", e => e["AgentId"] == id && e["Line"] == $"hello from {id}", Patience);
            Assert.Equal("stdout", line["Stream"]);
            Assert.Equal("Agent {AgentId} {Stream}: {Line}", line["{OriginalFormat}"]);
            var warning = await _log.WaitFor($"stderr of {id}", e => e["AgentId"] == id && e["Stream"] == "stderr", Patience);
            Assert.Equal("warning: disk", warning["Line"]);
        }

        var stopped = await spawner.Ask<AgentsStopped>(StopAgents.Instance, Patience);
        Assert.Equal(["worker-1", "worker-2"], stopped.AgentIds);
        var exits = Enumerable.Range(0, 2).Select(_ => events.FishForMessage<SpawnedAgentExited>(_ => true, Patience)).ToList();
        Assert.All(exits, e => Assert.Equal(128 + Posix.SigTerm, e.ExitCode));
        Assert.All(exits, e => Assert.Null(e.RestartIn));
        Assert.DoesNotContain(_log.Entries, e => e.Message.Contains("SIGKILL", StringComparison.Ordinal) && e.EventId == 107);
    }

    [Fact]
    public async Task A_process_group_ignoring_sigterm_is_killed_after_the_grace()
    {
        var grace = TimeSpan.FromMilliseconds(600);
        var events = EventsProbe();
        var settings = ShellAgents.Settings("trap '' TERM; echo ready; while :; do sleep 0.1; done", _dir.FullName) with { StopGrace = grace };
        var spawner = Sys.ActorOf(AgentSpawnerActor.Props(settings, _log.Factory));
        var started = events.FishForMessage<SpawnedAgentStarted>(_ => true, Patience);
        await _log.WaitFor("'ready'", e => e["Line"] == "ready", Patience);

        var clock = Stopwatch.StartNew();
        var stopped = await spawner.Ask<AgentsStopped>(StopAgents.Instance, Patience);
        var elapsed = clock.Elapsed;

        Assert.Equal(["worker-1"], stopped.AgentIds);
        var killed = events.FishForMessage<SpawnedAgentKilled>(_ => true, Patience);
        Assert.Equal(started.Pid, killed.Pid);
        Assert.True(elapsed >= grace, $"stopped after {elapsed}, before the grace of {grace}");
        Assert.Equal(128 + Posix.SigKill, events.FishForMessage<SpawnedAgentExited>(_ => true, Patience).ExitCode);
        Assert.False(Posix.IsAlive(started.Pid));
        Assert.Empty(ShellAgents.LiveMembersOfGroup(started.Pid));
        await _log.WaitFor("the SIGKILL warning with the agent id", e => e.EventId == 107 && e["AgentId"] == "worker-1", Patience);
    }

    [Fact]
    public async Task A_process_killed_with_sigkill_is_restarted()
    {
        var events = EventsProbe();
        var settings = ShellAgents.Settings("echo up; exec sleep 30", _dir.FullName) with { InitialBackoff = TimeSpan.FromMilliseconds(100) };
        var spawner = Sys.ActorOf(AgentSpawnerActor.Props(settings, _log.Factory));
        var first = events.FishForMessage<SpawnedAgentStarted>(_ => true, Patience);

        Assert.True(Posix.Signal(first.Pid, Posix.SigKill));

        var exited = events.FishForMessage<SpawnedAgentExited>(_ => true, Patience);
        Assert.Equal(first.Pid, exited.Pid);
        Assert.Equal(128 + Posix.SigKill, exited.ExitCode);
        Assert.Equal(TimeSpan.FromMilliseconds(100), exited.RestartIn);
        var second = events.FishForMessage<SpawnedAgentStarted>(_ => true, Patience);
        Assert.NotEqual(first.Pid, second.Pid);
        Assert.Equal(1, second.Restarts);
        Assert.True(Posix.IsAlive(second.Pid));
        await _log.WaitFor("the restart warning", e => e.EventId == 102 && e["AgentId"] == "worker-1" && e["ExitCode"] == "137", Patience);

        await spawner.Ask<AgentsStopped>(StopAgents.Instance, Patience);
        Assert.False(Posix.IsAlive(second.Pid));
    }

    [Fact]
    public void A_process_left_running_is_killed_with_its_group_when_the_actor_stops()
    {
        var events = EventsProbe();
        var settings = ShellAgents.Settings("sleep 30 & sleep 30", _dir.FullName);
        var spawner = Sys.ActorOf(AgentSpawnerActor.Props(settings, _log.Factory));
        var started = events.FishForMessage<SpawnedAgentStarted>(_ => true, Patience);
        AwaitCondition(() => ShellAgents.LiveMembersOfGroup(started.Pid).Count >= 2, Patience);

        Watch(spawner);
        Sys.Stop(spawner);
        ExpectTerminated(spawner, Patience);

        AwaitCondition(() => ShellAgents.LiveMembersOfGroup(started.Pid).Count == 0, Patience);
    }

    [Fact]
    public void A_clean_exit_is_not_restarted_and_a_missing_program_counts_as_a_failure()
    {
        var events = EventsProbe();
        Sys.ActorOf(AgentSpawnerActor.Props(ShellAgents.Settings("exit 0", _dir.FullName), _log.Factory));
        var exited = events.FishForMessage<SpawnedAgentExited>(_ => true, Patience);
        Assert.Equal(0, exited.ExitCode);
        Assert.Null(exited.RestartIn);
        events.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        var missing = new SpawnerSettings([new SpawnedAgent("qc-1", "qc")], "unused", _dir.FullName)
        {
            HubAddress = "127.0.0.1:1",
            MaxRestarts = 0,
            CommandLine = _ => new AgentCommandLine(Path.Combine(_dir.FullName, "no-such-program"), []),
        };
        Sys.ActorOf(AgentSpawnerActor.Props(missing, _log.Factory));
        var gaveUp = events.FishForMessage<SpawnedAgentGaveUp>(_ => true, Patience);
        Assert.Equal("qc-1", gaveUp.AgentId);
    }

    private Akka.TestKit.TestProbe EventsProbe()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(SpawnedAgentStarted));
        Sys.EventStream.Subscribe(probe.Ref, typeof(SpawnedAgentExited));
        Sys.EventStream.Subscribe(probe.Ref, typeof(SpawnedAgentKilled));
        Sys.EventStream.Subscribe(probe.Ref, typeof(SpawnedAgentGaveUp));
        return probe;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _log.Dispose();
        try { _dir.Delete(recursive: true); }
        catch (IOException) { }
    }
}
