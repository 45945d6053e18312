using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Lemegeton.Hub.Spawner;

namespace Lemegeton.Hub.Tests.Spawner;

/// <summary>
/// Restart limits with a real failing process and Akka's TestScheduler: the backoff delays and the
/// one-minute window are driven by advancing the scheduler, not by waiting.
/// </summary>
public sealed class AgentRestartTests() : TestKit("akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"")
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly CapturedLog _log = new();
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("lemegeton-restart-");

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    [Fact]
    public async Task A_failing_process_is_restarted_with_doubling_backoff_and_given_up_after_three_restarts_in_a_minute()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(SpawnedAgentStarted));
        Sys.EventStream.Subscribe(events.Ref, typeof(SpawnedAgentExited));
        Sys.EventStream.Subscribe(events.Ref, typeof(SpawnedAgentGaveUp));
        Sys.ActorOf(AgentSpawnerActor.Props(ShellAgents.Settings("echo failing; exit 3", _dir.FullName), _log.Factory));

        var pids = new List<int>();
        foreach (var (restart, backoff) in new[] { (0, 1), (1, 2), (2, 4) })
        {
            var started = events.ExpectMsg<SpawnedAgentStarted>(Patience);
            Assert.Equal(restart, started.Restarts);
            pids.Add(started.Pid);
            var exited = events.ExpectMsg<SpawnedAgentExited>(Patience);
            Assert.Equal(3, exited.ExitCode);
            Assert.Equal(TimeSpan.FromSeconds(backoff), exited.RestartIn);

            Scheduler.Advance(TimeSpan.FromSeconds(backoff) - TimeSpan.FromMilliseconds(1));
            events.ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // not before the backoff
            Scheduler.Advance(TimeSpan.FromMilliseconds(1));
        }

        pids.Add(events.ExpectMsg<SpawnedAgentStarted>(Patience).Pid);
        var last = events.ExpectMsg<SpawnedAgentExited>(Patience);
        Assert.Null(last.RestartIn);
        var gaveUp = events.ExpectMsg<SpawnedAgentGaveUp>(Patience);
        Assert.Equal(new SpawnedAgentGaveUp("worker-1", 3, TimeSpan.FromMinutes(1), 3), gaveUp);
        Assert.Equal(4, pids.Distinct().Count());

        Scheduler.Advance(TimeSpan.FromMinutes(5));
        events.ExpectNoMsg(TimeSpan.FromMilliseconds(300)); // given up for good: the reference restarted forever
        var error = await _log.WaitFor("the give-up error", e => e.EventId == 103, Patience);
        Assert.Equal("worker-1", error["AgentId"]);
        // Each start's last line is logged before its exit is handled.
        Assert.Equal(4, _log.Entries.Count(e => e["Line"] == "failing" && e["AgentId"] == "worker-1"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _log.Dispose();
        try { _dir.Delete(recursive: true); }
        catch (IOException) { }
    }
}
