using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using Akka.Pattern;
using Akka.Persistence;
using Lemegeton.Core.Scheduling;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
using Lemegeton.Hub.Actors.Operator;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Serialization;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Validation;
using Lemegeton.Protocol.Work;
using Lemegeton.Storage.Git;
using Microsoft.Extensions.Logging.Abstractions;
using WireWork = Lemegeton.Protocol.Work.WorkKind;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// The hub's coordinator: the cluster singleton on role <c>hub</c> and the one persistent writer of the
/// hot state (<see cref="CoordinatorState"/>). It decides little itself: its children decide or do the
/// I/O and answer with messages, and it persists what they decided, in one journal, in one order,
/// before anyone hears of it (a Welcome, an assignment, a lease grant or a mode announcement is sent
/// from the persist handler). Children (docs/architecture.md, "The hub's actor tree"):
/// <list type="bullet">
/// <item><c>agents</c>: <see cref="AgentRegistryActor"/>, one <see cref="AgentSessionActor"/> per agent;</item>
/// <item><c>scheduler</c>: <see cref="SchedulerActor"/> — what runs next (Core's PrScheduler);</item>
/// <item><c>leases</c>: <see cref="LeaseManagerActor"/> — lease decisions and TTL;</item>
/// <item><c>mode</c>: <see cref="CoordinationModeActor"/> — the coordination-mode FSM, fed by the Redis health check;</item>
/// <item><c>state-sync</c>: <see cref="StateSyncActor"/> — git commits, start-up reconciliation, branch merge-back;</item>
/// <item><c>task-list</c>: <see cref="TaskListActor"/> — reload on edit and on <see cref="ReloadTaskList"/>.</item>
/// </list>
/// Decisions taken on a view of the state (scheduler, lease grants) carry the state's
/// <see cref="CoordinatorState.Version"/>; one that comes back after the state moved is asked again.
/// PR transitions and cascades are decided with Core's <see cref="PrStateMachine"/>. Every persisted
/// event and git result is published on the event stream (admin API, gateway, tests).
/// Operator commands (<see cref="Operator.IOperatorCommand"/>) are handled in <c>HubCoordinator.Operator.cs</c>
/// through <see cref="RegisterOperatorCommands"/>.
/// </summary>
public sealed partial class HubCoordinator : ReceivePersistentActor
{
    private readonly CoordinatorSettings _settings;
    private readonly Dictionary<string, PullRequest> _prs = new(StringComparer.Ordinal);
    private readonly CoordinatorState _state;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Lemegeton.Protocol.Security.RegistrationVerifier? _verifier;
    private IActorRef _registry = ActorRefs.Nobody;
    private IActorRef _scheduler = ActorRefs.Nobody;
    private IActorRef _leases = ActorRefs.Nobody;
    private IActorRef _advisoryLocks = ActorRefs.Nobody;
    private bool _advisoryActive;
    private ImmutableDictionary<string, LeaseGranted>? _advisoryLeases;
    private IActorRef _mode = ActorRefs.Nobody;
    private IActorRef _sync = ActorRefs.Nobody;
    private IActorRef _taskList = ActorRefs.Nobody;
    private HashSet<string> _leaseHolders = new(StringComparer.Ordinal);
    private SchedulingIndex _index;
    private bool _scheduleInFlight;
    private bool _scheduleAgain;
    private bool _reconciled;
    private long _eventsSinceSnapshot;

    public HubCoordinator(CoordinatorSettings settings)
    {
        _settings = settings;
        PersistenceId = settings.PersistenceId;
        if (settings.JournalPluginId is { } journal) JournalPluginId = journal;
        if (settings.SnapshotPluginId is { } snapshots) SnapshotPluginId = snapshots;
        foreach (var pr in settings.TaskList.Prs) _prs.TryAdd(pr.Id, pr);
        _index = SchedulingIndex.Build(_prs.Values);
        _verifier = settings.ClusterSecret is { } secret ? new Lemegeton.Protocol.Security.RegistrationVerifier(secret) : null;
        _state = new CoordinatorState(_prs.Values.Select(p => KeyValuePair.Create(p.Id, p.ColdState)), trackCommits: settings.GitMirror is not null);

        Recover<SnapshotOffer>(o => _state.Apply(o.Snapshot));
        Recover<IPersistedEvent>(e => _state.Apply(e));
        Recover<RecoveryCompleted>(_ => OnRecovered());

        Command<RegisterAgent>(r => Register(r, Sender));
        Command<SessionStillAlive>(s => s.NewAgent.Tell(new ProtocolError(ErrorCodes.AgentIdInUse,
            $"Agent id {s.Register.AgentId} already has session {s.SessionId}, and its agent answers; use another id or wait for that session to end.", s.Register.CorrelationId)));
        Command<SessionReplaced>(s => Register(s.Register, s.NewAgent));
        Command<FromAgent>(HandleAgentMessage);
        Command<SessionEnded>(EndSession);
        Command<RunScheduler>(_ => Schedule());
        Command<ScheduleDecided>(OnScheduleDecided);
        Command<LeasesDecided>(OnLeasesDecided);
        Command<LeaseTtlElapsed>(OnLeaseTtlElapsed);
        Command<LeaseManagerStarted>(_ =>
        {
            _leaseHolders.Clear();
            TellLeaseHolders();
        });
        Command<ModeFsmStarted>(_ => _mode.Tell(new AssumeMode(_state.Mode)));
        Command<ModeSwitchDecided>(OnModeSwitchDecided);
        Command<StateSyncStarted>(_ => { _commitsInFlight.Clear(); if (_reconciled) SendPendingCommits(); });
        Command<ColdStatesReconciled>(OnReconciled);
        Command<GitCommitted>(OnCommitted);
        Command<GitCommitFailed>(OnCommitFailed);
        Command<AgentBranchesMerged>(OnBranchesMerged);
        Command<ReloadTaskList>(r => _taskList.Forward(r));
        Command<TaskListChanged>(OnTaskListChanged);
        Command<GetCoordinatorState>(_ => Sender.Tell(_state.ToSnapshot()));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => _log.Warning("Coordinator snapshot at {0} failed: {1}", f.Metadata.SequenceNr, f.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
        ShutdownCommands();
        RegisterOperatorCommands();
        Command<IProtocolMessage>(m =>
            Sender.Tell(new ProtocolError(ErrorCodes.NotRegistered, $"Send RegisterAgent first; {m.GetType().Name} goes to your session actor.",
                (m as IProtocolRequest)?.CorrelationId)));
    }

    public override string PersistenceId { get; }

    public static Props Props(CoordinatorSettings settings) => Akka.Actor.Props.Create(() => new HubCoordinator(settings));

    /// <summary>
    /// Children that only compute (registry, scheduler, lease manager) are restarted one-for-one (10
    /// within 1 min; then the coordinator fails and the singleton manager restarts it from the journal).
    /// The children that do I/O (mode FSM, state sync, task-list watcher) sit under back-off supervisors
    /// of their own (<see cref="BackoffChild"/>), which restart them after a growing pause; here they
    /// only ever see the supervisor.
    /// </summary>
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(maxNrOfRetries: 10, withinTimeRange: TimeSpan.FromMinutes(1), localOnlyDecider: _ => Directive.Restart);

    private Props BackoffChild(Props child, string name) =>
        BackoffSupervisor.Props(Backoff.OnFailure(child, name, _settings.ChildMinBackoff, _settings.ChildMaxBackoff, 0.2, -1)
            .WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Restart)));

    private void OnRecovered()
    {
        // Children start once the state is back: they are told what they need from it.
        var heartbeat = _settings.HeartbeatTimeout;
        _registry = Context.ActorOf(AgentRegistryActor.Props(Self), "agents");
        _scheduler = Context.ActorOf(SchedulerActor.Props([.. _prs.Values], _settings.Scheduler), "scheduler");
        _leases = Context.ActorOf(LeaseManagerActor.Props(Self, _settings.LeaseTtl ?? heartbeat), "leases");
        var merger = _settings.BranchMerger ?? (_settings.GitMirror is { } m
            ? new AgentBranchMerger(m.RepositoryRoot, new GitMirrorOptions(), NullLogger<AgentBranchMerger>.Instance)
            : null);
        _sync = Context.ActorOf(BackoffChild(StateSyncActor.Props(Self, _settings.GitMirror, merger, _settings.StateSync), "sync"), "state-sync");
        _mode = Context.ActorOf(BackoffChild(CoordinationModeActor.Props(Self, _settings.Modes), "fsm"), "mode");
        if (_settings.TaskListWatch is { } watch)
            _taskList = Context.ActorOf(BackoffChild(TaskListActor.Props(Self, _settings.TaskList, watch), "watcher"), "task-list");
        if (_settings.AdvisoryLocksDirectory is { } advisory)
            _advisoryLocks = Context.ActorOf(BackoffChild(AdvisoryLockFilesActor.Props(advisory), "writer"), "advisory-locks");
        UpdateAdvisoryLocks(force: true);

        // Reconciliation order on start (docs/architecture.md): 1. hot state from snapshot + journal (done);
        // 2. sessions of the previous incarnation ended (their actors are gone; agents re-register; the
        // fencing counter is persisted state, so tokens continue); 3. PRs no longer in the task list
        // leave; 4. cascades; 5. cold states against git HEAD (git wins a conflict; uncommitted
        // transitions are committed again); 6. scheduling starts.
        var stale = _state.Agents.Keys.Select(s => (IPersistedEvent)new AgentRemoved(s, SessionEndReasons.HubRestarted)).ToList();
        var gone = _state.ColdStates.Keys.Where(id => !_prs.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        if (gone.Count > 0) stale.Add(new TaskListReloaded([], gone, new Dictionary<string, string>()));
        // A hub without Redis is isolated from its first moment (no agent is connected yet to be told).
        if (_settings.Modes.HealthCheck is null && _state.Mode != CoordinationMode.Isolated)
            stale.Add(new CoordinationModeSwitched(ModeNames.ToWire(_state.Mode), ModeNames.ToWire(CoordinationMode.Isolated),
                ModeNames.ToWire(ModeAction.WorkIsolated), "no Redis is configured", Context.System.Scheduler.Now));
        PersistEvents([.. stale, .. Cascade(StateContext(), _prs.Keys)]);
        if (_settings.GitMirror is null) { _reconciled = true; RequestSchedule(); return; }
        DeferAsync(0, _ => _sync.Tell(new ReconcileColdStates(
            new Dictionary<string, ColdState>(_state.ColdStates, StringComparer.Ordinal),
            [.. _state.PendingCommits.Select(p => new UncommittedTransition(p.Transition.PrId,
                PrState.TryParse(p.PreviousCold ?? p.Transition.From, out var from) ? from : default,
                StateNames.TryParseCold(p.Transition.To, out var to) ? to : default))])));
    }

    private void OnReconciled(ColdStatesReconciled r)
    {
        if (r.Error is { } error) _log.Warning("Cold states not reconciled with git (HEAD unreadable: {0}); the journal's are used", error);
        var events = new List<IPersistedEvent>();
        foreach (var win in r.GitWins)
        {
            _log.Warning("Git wins for {0}: the task list at HEAD says {1}, the journal {2}", win.PrId, win.Git.ToWire(), win.Journal.ToWire());
            events.AddRange(_state.PendingCommits.Where(p => p.Transition.PrId == win.PrId).Select(p => new ColdTransitionCommitted(p.Id, win.PrId, null)));
            events.Add(new PrTransitioned(win.PrId, win.Journal.ToWire(), win.Git.ToWire(), null, null, "git wins: the task list at HEAD records " + win.Git.ToWire()));
        }
        PersistEvents(events);
        DeferAsync(0, _ =>
        {
            _reconciled = true;
            SendPendingCommits();
            RequestSchedule();
        });
    }

    private void SendPendingCommits()
    {
        foreach (var p in _state.PendingCommits) SendCommit(p);
    }

    private void SendCommit(PendingCommit p)
    {
        if (_settings.GitMirror is null) return;
        if (StateNames.TryParseCold(p.Transition.To, out var to) && PrState.TryParse(p.Transition.From, out var from) && _commitsInFlight.Add(p.Id))
            _sync.Tell(new CommitColdTransition(p.Id, new ColdTransition(p.Transition.PrId, from, to, p.Transition.AgentId, p.Transition.Reason, p.Transition.FencingToken)));
    }

    private void Register(RegisterAgent register, IActorRef agent)
    {
        if (ProtocolValidator.ValidateFromAgent(register) is { } error) { agent.Tell(error); return; }
        if (_verifier?.Check(register) is { } refused) { agent.Tell(refused); Context.System.EventStream.Publish(new AgentNodeVerdict(agent.Path.Address, false, refused.Message)); return; }
        Context.System.EventStream.Publish(new AgentNodeVerdict(agent.Path.Address, true, register.AgentId));
        if (_state.SessionOf(register.AgentId) is { } existing)
        {
            _registry.Tell(new CheckSessionAlive(existing.SessionId, register, agent));
            return;
        }
        var registered = new AgentRegistered(_state.NextSessionId(), register.AgentId, register.AgentType.ToLowerInvariant(), Math.Max(1, register.Capacity));
        Persist(registered, e =>
        {
            Applied(e);
            var welcome = new Welcome(register.CorrelationId, e.SessionId, _settings.HubId,
                (int)_settings.HeartbeatInterval.TotalMilliseconds, (int)_settings.HeartbeatTimeout.TotalMilliseconds, _state.Mode);
            _registry.Tell(new StartSession(e.SessionId, agent, welcome, _settings.HeartbeatTimeout, _leases, _settings.TakeoverProbeTimeout));
            RequestSchedule();
        });
    }

    private void EndSession(SessionEnded ended)
    {
        if (!_state.Agents.ContainsKey(ended.SessionId)) return;
        PersistEvents([new AgentRemoved(ended.SessionId, ended.Reason)]);
        RequestSchedule();
    }

    private void HandleAgentMessage(FromAgent m)
    {
        if (!_state.Agents.TryGetValue(m.SessionId, out var agent)) return;
        switch (m.Message)
        {
            case AcquireLeases a: AskLeases(agent, a); break;
            case ReleaseLeases r: Release(agent, r); break;
            case CompletePr c: Complete(agent, c); break;
            case FailPr f: Fail(agent, f); break;
            case ProgressReport: break;
            case Ack: break; // the agent took an AssignPr
            case ProtocolError refusal: OnAgentRefused(agent, refusal); break;
            case Lemegeton.Protocol.Queries.ExplainPrRequest q: AnswerExplain(m.SessionId, q); break;
            default:
                Reply(m.SessionId, new ProtocolError(ErrorCodes.UnknownType, $"The hub does not take {m.Message.GetType().Name} here.", (m.Message as IProtocolRequest)?.CorrelationId));
                break;
        }
    }

    /// <summary>
    /// An agent answered with an error — never answered with another (no error ping-pong). When it
    /// refuses an AssignPr (at capacity, stopping) the PR is released to be scheduled again; the refusal
    /// counts as an attempt, so an agent that keeps refusing cannot hold a PR in a loop.
    /// </summary>
    private void OnAgentRefused(AgentRegistered agent, ProtocolError refusal)
    {
        _log.Warning("Agent {0} answered with an error ({1}): {2}", agent.AgentId, refusal.Code, refusal.Message);
        var refused = _state.Assignments.Values.FirstOrDefault(a =>
            a.SessionId == agent.SessionId && string.Equals($"assign-{a.FencingToken}", refusal.Re, StringComparison.Ordinal));
        if (refused is null) return;
        PersistEvents([new PrReleased(refused.PrId, agent.SessionId, $"refused by {agent.AgentId}: {refusal.Code}: {refusal.Message}")]);
        RequestSchedule();
    }

    private void AskLeases(AgentRegistered agent, AcquireLeases a) =>
        _leases.Tell(new DecideLeases(_state.Version, agent, a, _state.Assignments.GetValueOrDefault(a.PrId), _state.Leases,
            new Dictionary<string, AgentRegistered>(_state.Agents, StringComparer.Ordinal), LeaseTtl));

    private TimeSpan LeaseTtl => _settings.LeaseTtl ?? _settings.HeartbeatTimeout;

    private void OnLeasesDecided(LeasesDecided d)
    {
        if (!_state.Agents.ContainsKey(d.Agent.SessionId)) return;
        if (d.Grant is not { } grant)
        {
            if (d.Refusal is { } refusal) Reply(d.Agent.SessionId, refusal);
            return;
        }
        if (d.Version != _state.Version) { AskLeases(d.Agent, d.Request); return; }
        Persist(grant, e =>
        {
            Applied(e);
            TellLeaseHolders();
            Reply(e.SessionId, new LeasesGranted(d.Request.CorrelationId, e.Files, e.FencingToken, (long)LeaseTtl.TotalMilliseconds));
        });
    }

    private void OnLeaseTtlElapsed(LeaseTtlElapsed e)
    {
        var files = _state.LeasesOf(e.SessionId);
        if (files.Count == 0) return;
        _log.Warning("Leases of session {0} expired (no heartbeat within {1} ms): {2}", e.SessionId, (int)LeaseTtl.TotalMilliseconds, string.Join(", ", files));
        PersistEvents([new LeasesExpired(e.SessionId, files)]);
        RequestSchedule();
    }

    private void Release(AgentRegistered agent, ReleaseLeases r)
    {
        var files = r.Files is null ? [] : LeasePathsOf(r.Files);
        Persist(new LeasesReleased(agent.SessionId, [.. files]), e =>
        {
            Applied(e);
            Reply(agent.SessionId, new Ack(r.CorrelationId));
            RequestSchedule();
        });
    }

    private static IReadOnlyList<string> LeasePathsOf(IReadOnlyList<string> files) => Core.Leases.LeasePaths.NormalizeRequest(files).Paths;

    private bool CheckToken(AgentRegistered agent, string prId, long token, string correlationId, out PrAssigned assignment)
    {
        if (_state.Assignments.TryGetValue(prId, out assignment!) && assignment.SessionId == agent.SessionId && assignment.FencingToken == token) return true;
        var stale = token <= _state.FencingCounter && (assignment is null || assignment.FencingToken != token);
        Reply(agent.SessionId, stale
            ? new ProtocolError(ErrorCodes.StaleFencingToken, $"Fencing token {token} for {prId} is stale; the PR was reassigned or reclaimed.", correlationId)
            : new ProtocolError(ErrorCodes.NotAssigned, $"{prId} is not assigned to session {agent.SessionId}.", correlationId));
        return false;
    }

    private void Complete(AgentRegistered agent, CompletePr c)
    {
        if (!CheckToken(agent, c.PrId, c.FencingToken, c.CorrelationId, out var assignment)) return;
        StateNames.TryParseHot(assignment.HotState, out var hot);
        var target = hot switch
        {
            HotState.Investigating or HotState.Planning => ColdState.Planned,
            HotState.UnderReview => ColdState.Approved,
            _ => ColdState.Completed,
        };
        var result = PrStateMachine.Transition(new TransitionRequest
        {
            PrId = c.PrId, CurrentCold = _state.ColdStates[c.PrId], CurrentHot = hot, Target = target,
            Actor = TransitionActor.Agent, AgentType = agent.AgentType, AgentId = agent.AgentId, Reason = c.Summary,
        }, StateContext());
        if (!result.Success)
        {
            Reply(agent.SessionId, new ProtocolError(ErrorCodes.InvalidMessage, result.Error ?? "transition refused", c.CorrelationId));
            return;
        }
        var events = result.Cascade.Where(t => t.To.IsCold).Select((t, i) => (IPersistedEvent)new PrTransitioned(
            t.PrId, t.From.ToString(), t.To.ToString(), i == 0 ? agent.AgentId : null, i == 0 ? c.FencingToken : null, t.Reason)).ToList();
        PersistEvents(events);
        DeferAsync(c, done => { Reply(agent.SessionId, new Ack(done.CorrelationId)); RequestSchedule(); });
    }

    private void Fail(AgentRegistered agent, FailPr f)
    {
        if (!CheckToken(agent, f.PrId, f.FencingToken, f.CorrelationId, out var assignment)) return;
        // The hub counts attempts: the last allowed failure moves the PR to broken with its reason.
        var lastAttempt = _state.FailuresOf(f.PrId) + 1 >= _settings.MaxAttempts;
        IPersistedEvent e = assignment.HotState == HotState.UnderReview.ToWire() || lastAttempt
            ? new PrTransitioned(f.PrId, assignment.HotState, ColdState.Broken.ToWire(), agent.AgentId, f.FencingToken,
                lastAttempt ? $"failed {_state.FailuresOf(f.PrId) + 1} times; last: {f.Category}: {f.Error}" : f.Error)
            : new PrReleased(f.PrId, agent.SessionId, $"{f.Category}: {f.Error}");
        var events = new List<IPersistedEvent> { e };
        if (e is PrTransitioned)
        {
            StateNames.TryParseHot(assignment.HotState, out var failedHot);
            events.AddRange(Cascade(StateContext().Apply([new CascadedTransition(f.PrId, failedHot, ColdState.Broken, f.Error)]), [f.PrId]));
        }
        PersistEvents(events);
        DeferAsync(f, done => { Reply(agent.SessionId, new Ack(done.CorrelationId)); RequestSchedule(); });
    }

    private void Schedule()
    {
        if (!_reconciled || _state.Agents.Count == 0 || _assigningStopped || _state.Paused) { _scheduleInFlight = false; _scheduleAgain = false; return; }
        var snapshot = new SchedulingSnapshot
        {
            ColdStates = new Dictionary<string, ColdState>(_state.ColdStates, StringComparer.Ordinal),
            Running = [.. _state.Assignments.Values.Select(a => new RunningPr(a.PrId, StateNames.TryParseHot(a.HotState, out var h) ? h : HotState.InProgress, a.SessionId))],
            Leases = [.. _state.Leases.Select(l => new LiveLease(l.Key, l.Value.SessionId, l.Value.PrId))],
            Agents = [.. _state.Agents.Values.Select(a => new SchedulingAgent(a.SessionId, a.AgentType, _state.LoadOf(a.SessionId), a.Capacity))],
        };
        _scheduler.Tell(new DecideSchedule(_state.Version, snapshot, StateContext(),
            new Dictionary<string, AgentRegistered>(_state.Agents, StringComparer.Ordinal), snapshot.ColdStates, _state.FencingCounter));
    }

    private void OnScheduleDecided(ScheduleDecided d)
    {
        _scheduleInFlight = false;
        if (d.Version != _state.Version || _scheduleAgain)
        {
            // The state moved while the scheduler decided: decide again on the new state.
            _scheduleAgain = false;
            RequestSchedule();
            return;
        }
        PersistEvents(d.Assignments);
    }

    private void RequestSchedule()
    {
        if (_scheduleInFlight) { _scheduleAgain = true; return; }
        _scheduleInFlight = true;
        Self.Tell(RunScheduler.Instance);
    }

    private void OnModeSwitchDecided(ModeSwitchDecided m)
    {
        if (m.From == m.To || _state.Mode == m.To) return;
        Persist(new CoordinationModeSwitched(ModeNames.ToWire(_state.Mode), ModeNames.ToWire(m.To), ModeNames.ToWire(m.Action), m.Reason, Context.System.Scheduler.Now), e =>
        {
            Applied(e);
            _registry.Tell(new ToAllAgents(new ModeAnnouncement(m.To, m.Action)));
            if (m.Action == ModeAction.MergeToMain) _sync.Tell(new MergeAgentBranches([.. _prs.Keys]));
        });
    }

    private void OnBranchesMerged(AgentBranchesMerged merged)
    {
        Context.System.EventStream.Publish(merged);
        if (merged.Error is { } error) _log.Error("Agent branches not merged back: {0}", error);
        var events = new List<IPersistedEvent>();
        var context = StateContext();
        foreach (var r in merged.Results)
        {
            if (r.PrId is not { } prId || !_state.ColdStates.TryGetValue(prId, out var cold))
            {
                if (!r.Merged) _log.Warning("Agent branch {0} (no known PR) left unmerged: {1}", r.Branch, r.Error ?? string.Join(", ", r.Conflicts));
                continue;
            }
            if (r.Merged) { events.Add(new AgentBranchMerged(prId, r.Branch, r.Commit!)); continue; }
            events.Add(new AgentBranchConflicted(prId, r.Branch, r.Conflicts, r.Error ?? "conflicts"));
            // Its work is not on the working branch: a completed or approved PR is broken until a person merges the branch.
            if (cold is ColdState.Completed or ColdState.Approved && !_state.Assignments.ContainsKey(prId))
            {
                var reason = $"agent branch {r.Branch} conflicts with the working branch ({string.Join(", ", r.Conflicts)}); resolve and merge it by hand";
                events.Add(new PrTransitioned(prId, cold.ToWire(), ColdState.Broken.ToWire(), null, null, reason));
                context = context.Apply([new CascadedTransition(prId, cold, ColdState.Broken, reason)]);
                events.AddRange(Cascade(context, [prId]));
            }
        }
        PersistEvents(events);
        RequestSchedule();
    }

    private void OnCommitted(GitCommitted c)
    {
        Context.System.EventStream.Publish(c);
        if (c.TransitionId > 0) PersistEvents([new ColdTransitionCommitted(c.TransitionId, c.Transition.PrId, c.Commit)]);
        DeferAsync(c.TransitionId, id => { _commitsInFlight.Remove(id); NotifyIfDrained(); });
    }

    private void OnCommitFailed(GitCommitFailed f)
    {
        // The journal keeps the transition as uncommitted: the next start commits it again.
        _log.Error(f.Error, "Git commit of {0} → {1} failed: {2}", f.Transition.PrId, f.Transition.To.ToWire(), f.Error.Message);
        Context.System.EventStream.Publish(f);
        _commitsInFlight.Remove(f.TransitionId);
        NotifyIfDrained();
    }

    private void OnTaskListChanged(TaskListChanged changed)
    {
        var next = changed.Document.Prs.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var added = next.Keys.Where(id => !_prs.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        var removed = _prs.Keys.Where(id => !next.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        var revoked = removed.Where(_state.Assignments.ContainsKey).Select(id => _state.Assignments[id]).ToList();
        _prs.Clear();
        foreach (var (id, pr) in next) _prs[id] = pr;
        _index = SchedulingIndex.Build(_prs.Values);
        _scheduler.Tell(new UseTaskList([.. _prs.Values]));
        _log.Info("Task list reloaded: {0} PR(s), {1} added, {2} removed", _prs.Count, added.Count, removed.Count);
        if (added.Count > 0 || removed.Count > 0)
        {
            PersistEvents([new TaskListReloaded(added, removed, added.ToDictionary(id => id, id => next[id].ColdState.ToWire(), StringComparer.Ordinal))]);
            DeferAsync(0, _ =>
            {
                foreach (var a in revoked) Reply(a.SessionId, new RevokePr(a.PrId, "the PR was removed from the task list"));
                PersistEvents(Cascade(StateContext(), _prs.Keys));
            });
        }
        RequestSchedule();
    }

    private void PersistEvents(IReadOnlyList<IPersistedEvent> events)
    {
        if (events.Count == 0) return;
        var last = events[^1];
        PersistAll(events, e =>
        {
            // A batch (the start cascade can be thousands of events) is snapshotted at most once, after its last event.
            Applied(e, snapshotDue: ReferenceEquals(e, last));
            switch (e)
            {
                case PrAssigned a when _prs.TryGetValue(a.PrId, out var pr):
                    Reply(a.SessionId, new AssignPr($"assign-{a.FencingToken}", a.PrId, pr.Title, ParseWork(a.Work),
                        _index.FilesOf(a.PrId), a.FencingToken, null, pr.Body));
                    break;
                case PrTransitioned when _reconciled && _state.PendingCommits.Count > 0:
                    SendCommit(_state.PendingCommits.Last());
                    break;
            }
            if (e is AgentRemoved or LeaseGranted or LeasesReleased or LeasesExpired or PrTransitioned or PrReleased or TaskListReloaded or AgentKicked or PrRequeued or LeasesForceReleased) TellLeaseHolders();
        });
    }

    /// <summary>
    /// While isolated, sends the advisory lock files' writer every agent's leases when they changed; on
    /// leaving isolated mode (or starting outside it, <paramref name="force"/>) an empty set, which removes them.
    /// </summary>
    private void UpdateAdvisoryLocks(bool force = false)
    {
        if (_advisoryLocks.IsNobody()) return;
        var isolated = _state.Mode == CoordinationMode.Isolated;
        if (!isolated && !_advisoryActive && !force) return;
        var leases = isolated ? _state.Leases : ImmutableDictionary<string, LeaseGranted>.Empty.WithComparers(StringComparer.Ordinal);
        if (!force && isolated == _advisoryActive && ReferenceEquals(leases, _advisoryLeases)) return;
        _advisoryActive = isolated;
        _advisoryLeases = leases;
        var agents = leases.GroupBy(l => l.Value.SessionId, StringComparer.Ordinal)
            .Select(g => new AdvisoryAgentLocks(
                _state.Agents.TryGetValue(g.Key, out var agent) ? agent.AgentId : g.Key,
                [.. g.Select(l => l.Key).Order(StringComparer.Ordinal)],
                [.. g.GroupBy(l => (l.Value.PrId, l.Value.FencingToken))
                    .Select(p => new AdvisoryPrLock(p.Key.PrId, p.Key.FencingToken, [.. p.Select(l => l.Key).Order(StringComparer.Ordinal)]))
                    .OrderBy(p => p.PrId, StringComparer.Ordinal)]))
            .OrderBy(a => a.AgentId, StringComparer.Ordinal)
            .ToList();
        _advisoryLocks.Tell(new AdvisoryLocks(agents, Context.System.Scheduler.Now));
    }

    /// <summary>Tells the lease manager which sessions started or stopped holding leases (their TTL runs while they hold any).</summary>
    private void TellLeaseHolders()
    {
        var now = _state.Leases.Values.Select(g => g.SessionId).ToHashSet(StringComparer.Ordinal);
        foreach (var s in now.Where(s => !_leaseHolders.Contains(s))) _leases.Tell(new SessionLeasesChanged(s, true));
        foreach (var s in _leaseHolders.Where(s => !now.Contains(s))) _leases.Tell(new SessionLeasesChanged(s, false));
        _leaseHolders = now;
    }

    private void Applied(IPersistedEvent e, bool snapshotDue = true)
    {
        _state.Apply(e);
        Context.System.EventStream.Publish(e);
        UpdateAdvisoryLocks();
        NotifyIfNoWorkingAgents();
        if (++_eventsSinceSnapshot >= _settings.SnapshotEvery && snapshotDue)
        {
            _eventsSinceSnapshot = 0;
            SaveSnapshot(_state.ToSnapshot());
        }
    }

    private List<IPersistedEvent> Cascade(PrStateContext context, IEnumerable<string> prIds) =>
        [.. PrStateMachine.CascadeFrom(context, prIds).Where(t => t.To.IsCold)
            .Select(t => (IPersistedEvent)new PrTransitioned(t.PrId, t.From.ToString(), t.To.ToString(), null, null, t.Reason))];

    private void Reply(string sessionId, object message) => _registry.Tell(new ToAgent(sessionId, message));

    private PrStateContext StateContext() => PrStateContext.From(_prs.Values.Where(p => _state.ColdStates.ContainsKey(p.Id)).Select(p => new PrStatus(
        p.Id, _state.ColdStates[p.Id],
        _state.Assignments.TryGetValue(p.Id, out var a) && StateNames.TryParseHot(a.HotState, out var h) ? h : null,
        p.Dependencies)));

    private static WireWork ParseWork(string work) => work switch
    {
        "plan" => WireWork.Plan,
        "qc" => WireWork.Qc,
        "review" => WireWork.Review,
        _ => WireWork.Implement,
    };
}
