using Akka;
using Akka.Actor;
using Lemegeton.Hub.Actors.Shutdown;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// The coordinator's part in the hub's graceful shutdown (driven by the daemon's shutdown steps):
/// stop assigning, tell the agents, report when no agent is working any more, flush the journal,
/// drain the git commit queue, release the leases.
/// </summary>
public sealed partial class HubCoordinator
{
    private readonly List<IActorRef> _idleWaiters = [];
    private readonly List<IActorRef> _drainWaiters = [];
    private readonly HashSet<long> _commitsInFlight = [];
    private bool _assigningStopped;

    private void ShutdownCommands()
    {
        Command<StopAssigning>(_ =>
        {
            _assigningStopped = true;
            Sender.Tell(Done.Instance);
        });
        Command<AnnounceShutdown>(a =>
        {
            var grace = (int)Math.Min(int.MaxValue, a.Grace.TotalMilliseconds);
            foreach (var session in _state.Agents.Keys) Reply(session, new Protocol.Coordination.Shutdown(grace));
            Sender.Tell(Done.Instance);
        });
        Command<GetWorkingAgents>(_ => Sender.Tell(Working()));
        Command<AwaitNoWorkingAgents>(_ =>
        {
            _idleWaiters.Add(Sender);
            NotifyIfNoWorkingAgents();
        });
        Command<FlushJournal>(f => DeferAsync(f, _ => Sender.Tell(Done.Instance)));
        Command<DrainGitCommits>(_ =>
        {
            _drainWaiters.Add(Sender);
            NotifyIfDrained();
        });
        Command<ReleaseAllLeases>(r =>
        {
            var holders = _state.Leases.Values.Select(l => l.SessionId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            PersistEvents([.. holders.Select(s => (IPersistedEvent)new LeasesReleased(s, []))]);
            DeferAsync(r, _ => Sender.Tell(Done.Instance));
        });
    }

    private WorkingAgents Working() =>
        new([.. _state.Assignments.Values.Select(a => a.SessionId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    private void NotifyIfNoWorkingAgents()
    {
        if (_idleWaiters.Count == 0 || _state.Assignments.Count > 0) return;
        foreach (var waiter in _idleWaiters) waiter.Tell(new WorkingAgents([]));
        _idleWaiters.Clear();
    }

    private void NotifyIfDrained()
    {
        if (_drainWaiters.Count == 0 || _commitsInFlight.Count > 0) return;
        foreach (var waiter in _drainWaiters) waiter.Tell(Done.Instance);
        _drainWaiters.Clear();
    }
}
