using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Lemegeton.Core.Leases;
using Lemegeton.Core.Scheduling;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
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
using CoreWork = Lemegeton.Core.Scheduling.WorkKind;
using WireWork = Lemegeton.Protocol.Work.WorkKind;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// The hub's coordinator: the cluster singleton on role <c>hub</c> (restarted or moved by the singleton
/// manager), a persistent actor owning the hot state (<see cref="CoordinatorState"/>). Every decision
/// is persisted before anyone hears of it: a Welcome, an assignment or a lease grant is sent from the
/// persist handler. Decisions come from Lemegeton.Core: <see cref="PrScheduler"/> (what to run),
/// <see cref="PrStateMachine"/> (transitions and cascades), <see cref="LeasePaths"/> (paths). Each cold
/// transition is committed to git by the <see cref="TaskListGitMirror"/>, one at a time, in journal
/// order (the commit is piped back; the actor never blocks). Every persisted event and git result is
/// also published on the event stream (for the admin API and tests).
/// Supervision: the one child, <see cref="AgentRegistryActor"/>, is restarted one-for-one.
/// </summary>
public sealed class HubCoordinator : ReceivePersistentActor
{
    private readonly CoordinatorSettings _settings;
    private readonly Dictionary<string, PullRequest> _prs = new(StringComparer.Ordinal);
    private readonly CoordinatorState _state;
    private readonly PrScheduler _scheduler;
    private readonly Queue<ColdTransition> _commits = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Lemegeton.Protocol.Security.RegistrationVerifier? _verifier;
    private IActorRef _registry = ActorRefs.Nobody;
    private bool _schedulePending;
    private bool _committing;
    private long _eventsSinceSnapshot;

    public HubCoordinator(CoordinatorSettings settings)
    {
        _settings = settings;
        PersistenceId = settings.PersistenceId;
        if (settings.JournalPluginId is { } journal) JournalPluginId = journal;
        if (settings.SnapshotPluginId is { } snapshots) SnapshotPluginId = snapshots;
        foreach (var pr in settings.TaskList.Prs) _prs.TryAdd(pr.Id, pr);
        _state = new CoordinatorState(_prs.Values.Select(p => KeyValuePair.Create(p.Id, p.ColdState)));
        _scheduler = new PrScheduler(SchedulingIndex.Build(_prs.Values), settings.Scheduler);
        _verifier = settings.ClusterSecret is { } secret ? new Lemegeton.Protocol.Security.RegistrationVerifier(secret) : null;

        Recover<SnapshotOffer>(o => _state.Apply(o.Snapshot));
        Recover<IPersistedEvent>(e => _state.Apply(e));
        Recover<RecoveryCompleted>(_ => OnRecovered());

        Command<RegisterAgent>(Register);
        Command<FromAgent>(HandleAgentMessage);
        Command<SessionEnded>(EndSession);
        Command<RunScheduler>(_ => { _schedulePending = false; Schedule(); });
        Command<GitCommitted>(OnCommitted);
        Command<GitCommitFailed>(OnCommitFailed);
        Command<GetCoordinatorState>(_ => Sender.Tell(_state.ToSnapshot()));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => _log.Warning("Coordinator snapshot at {0} failed: {1}", f.Metadata.SequenceNr, f.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
        Command<IProtocolMessage>(m =>
            Sender.Tell(new ProtocolError(ErrorCodes.NotRegistered, $"Send RegisterAgent first; {m.GetType().Name} goes to your session actor.",
                (m as IProtocolRequest)?.CorrelationId)));
    }

    public override string PersistenceId { get; }

    public static Props Props(CoordinatorSettings settings) => Akka.Actor.Props.Create(() => new HubCoordinator(settings));

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(maxNrOfRetries: 10, withinTimeRange: TimeSpan.FromMinutes(1), localOnlyDecider: _ => Directive.Restart);

    protected override void PreStart()
    {
        _registry = Context.ActorOf(AgentRegistryActor.Props(Self), "agents");
        base.PreStart();
    }

    private void OnRecovered()
    {
        // Sessions do not survive the coordinator: their actors are gone. Reclaim their work; the agents
        // re-register. The fencing counter is persisted state, so new tokens continue above the old ones.
        var stale = _state.Agents.Keys.Select(s => (IPersistedEvent)new AgentRemoved(s, SessionEndReasons.HubRestarted)).ToList();
        var cascade = PrStateMachine.CascadeFrom(StateContext(), _prs.Keys)
            .Where(t => t.To.IsCold)
            .Select(t => (IPersistedEvent)new PrTransitioned(t.PrId, t.From.ToString(), t.To.ToString(), null, null, t.Reason));
        PersistEvents([.. stale, .. cascade]);
        RequestSchedule();
    }

    private void Register(RegisterAgent register)
    {
        var agent = Sender;
        if (ProtocolValidator.ValidateFromAgent(register) is { } error) { agent.Tell(error); return; }
        if (_verifier?.Check(register) is { } refused) { agent.Tell(refused); Context.System.EventStream.Publish(new AgentNodeVerdict(agent.Path.Address, false, refused.Message)); return; }
        Context.System.EventStream.Publish(new AgentNodeVerdict(agent.Path.Address, true, register.AgentId));
        if (_state.SessionOf(register.AgentId) is { } existing)
        {
            agent.Tell(new ProtocolError(ErrorCodes.AgentIdInUse,
                $"Agent id {register.AgentId} already has session {existing.SessionId}; use another id or wait for that session to end.", register.CorrelationId));
            return;
        }
        var registered = new AgentRegistered(_state.NextSessionId(), register.AgentId, register.AgentType.ToLowerInvariant(), Math.Max(1, register.Capacity));
        Persist(registered, e =>
        {
            Applied(e);
            var welcome = new Welcome(register.CorrelationId, e.SessionId, _settings.HubId,
                (int)_settings.HeartbeatInterval.TotalMilliseconds, (int)_settings.HeartbeatTimeout.TotalMilliseconds, CoordinationMode.Distributed);
            _registry.Tell(new StartSession(e.SessionId, agent, welcome, _settings.HeartbeatTimeout));
            RequestSchedule();
        });
    }

    private void EndSession(SessionEnded ended)
    {
        if (!_state.Agents.ContainsKey(ended.SessionId)) return;
        Persist(new AgentRemoved(ended.SessionId, ended.Reason), e => { Applied(e); RequestSchedule(); });
    }

    private void HandleAgentMessage(FromAgent m)
    {
        if (!_state.Agents.TryGetValue(m.SessionId, out var agent)) return;
        switch (m.Message)
        {
            case AcquireLeases a: Acquire(agent, a); break;
            case ReleaseLeases r: Release(agent, r); break;
            case CompletePr c: Complete(agent, c); break;
            case FailPr f: Fail(agent, f); break;
            case ProgressReport: break;
            default:
                Reply(m.SessionId, new ProtocolError(ErrorCodes.UnknownType, $"The hub does not take {m.Message.GetType().Name} here."));
                break;
        }
    }

    private void Acquire(AgentRegistered agent, AcquireLeases a)
    {
        if (!_state.Assignments.TryGetValue(a.PrId, out var assignment) || assignment.SessionId != agent.SessionId)
        {
            Reply(agent.SessionId, new ProtocolError(ErrorCodes.NotAssigned, $"{a.PrId} is not assigned to session {agent.SessionId}.", a.CorrelationId));
            return;
        }
        var paths = LeasePaths.NormalizeRequest(a.Files);
        if (!paths.IsValid)
        {
            Reply(agent.SessionId, new ProtocolError(paths.TooManyFiles ? ErrorCodes.TooManyFiles : ErrorCodes.InvalidPath, paths.Error ?? "invalid lease request", a.CorrelationId));
            return;
        }
        if (_state.ConflictFor(agent.SessionId, paths.Paths) is { } conflict)
        {
            var holder = _state.Agents.TryGetValue(conflict.Holder.SessionId, out var h) ? h.AgentId : conflict.Holder.SessionId;
            Reply(agent.SessionId, new LeasesDenied(a.CorrelationId, [new LeaseConflict(conflict.Path, holder, conflict.Holder.PrId)]));
            return;
        }
        Persist(new LeaseGranted(agent.SessionId, a.PrId, [.. paths.Paths], assignment.FencingToken), e =>
        {
            Applied(e);
            Reply(agent.SessionId, new LeasesGranted(a.CorrelationId, e.Files, e.FencingToken, (long)_settings.HeartbeatTimeout.TotalMilliseconds));
        });
    }

    private void Release(AgentRegistered agent, ReleaseLeases r)
    {
        var files = r.Files is null ? [] : LeasePaths.NormalizeRequest(r.Files).Paths;
        Persist(new LeasesReleased(agent.SessionId, [.. files]), e =>
        {
            Applied(e);
            Reply(agent.SessionId, new Ack(r.CorrelationId));
            RequestSchedule();
        });
    }

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
            var ctx = StateContext().Apply([new CascadedTransition(f.PrId, failedHot, ColdState.Broken, f.Error)]);
            events.AddRange(PrStateMachine.CascadeFrom(ctx, [f.PrId]).Where(t => t.To.IsCold)
                .Select(t => new PrTransitioned(t.PrId, t.From.ToString(), t.To.ToString(), null, null, t.Reason)));
        }
        PersistEvents(events);
        DeferAsync(f, done => { Reply(agent.SessionId, new Ack(done.CorrelationId)); RequestSchedule(); });
    }

    private void Schedule()
    {
        var snapshot = new SchedulingSnapshot
        {
            ColdStates = _state.ColdStates,
            Running = [.. _state.Assignments.Values.Select(a => new RunningPr(a.PrId, StateNames.TryParseHot(a.HotState, out var h) ? h : HotState.InProgress, a.SessionId))],
            Leases = [.. _state.Leases.Select(l => new LiveLease(l.Key, l.Value.SessionId, l.Value.PrId))],
            Agents = [.. _state.Agents.Values.Select(a => new SchedulingAgent(a.SessionId, a.AgentType, _state.LoadOf(a.SessionId), a.Capacity))],
        };
        if (snapshot.Agents.Count == 0) return;
        var decision = _scheduler.Decide(snapshot);
        var context = StateContext();
        var token = _state.FencingCounter;
        var events = new List<IPersistedEvent>();
        foreach (var a in decision.Assignments)
        {
            var hot = a.Work switch
            {
                CoreWork.Planning => HotState.Investigating,
                CoreWork.QualityCheck or CoreWork.Review => HotState.UnderReview,
                _ => HotState.InProgress,
            };
            var agent = _state.Agents[a.AgentId];
            var check = PrStateMachine.Transition(new TransitionRequest
            {
                PrId = a.PrId, CurrentCold = _state.ColdStates[a.PrId], Target = hot,
                Actor = TransitionActor.Hub, AgentType = agent.AgentType, AgentId = agent.AgentId,
            }, context);
            if (!check.Success)
            {
                _log.Warning("Scheduler chose {0} for {1} but the state machine refused: {2}", a.PrId, agent.AgentId, check.Error);
                continue;
            }
            events.Add(new PrAssigned(a.PrId, a.AgentId, agent.AgentId, ++token, hot.ToWire(), WireName(a.Work)));
        }
        PersistEvents(events);
    }

    private void PersistEvents(IReadOnlyList<IPersistedEvent> events)
    {
        if (events.Count == 0) return;
        PersistAll(events, e =>
        {
            Applied(e);
            switch (e)
            {
                case PrAssigned a:
                    var pr = _prs[a.PrId];
                    Reply(a.SessionId, new AssignPr($"assign-{a.FencingToken}", a.PrId, pr.Title, ParseWork(a.Work),
                        _scheduler.Index.FilesOf(a.PrId), a.FencingToken, null, pr.Body));
                    break;
                case PrTransitioned t when StateNames.TryParseCold(t.To, out var to) && PrState.TryParse(t.From, out var from):
                    if (_settings.GitMirror is not null)
                    {
                        _commits.Enqueue(new ColdTransition(t.PrId, from, to, t.AgentId, t.Reason, t.FencingToken));
                        PumpCommits();
                    }
                    break;
            }
        });
    }

    private void Applied(IPersistedEvent e)
    {
        _state.Apply(e);
        Context.System.EventStream.Publish(e);
        if (++_eventsSinceSnapshot >= _settings.SnapshotEvery)
        {
            _eventsSinceSnapshot = 0;
            SaveSnapshot(_state.ToSnapshot());
        }
    }

    private void PumpCommits()
    {
        if (_committing || _commits.Count == 0 || _settings.GitMirror is not { } mirror) return;
        _committing = true;
        var transition = _commits.Peek();
        mirror.CommitAsync(transition).PipeTo(Self,
            success: commit => new GitCommitted(transition, commit),
            failure: ex => new GitCommitFailed(transition, ex));
    }

    private void OnCommitted(GitCommitted c)
    {
        _commits.Dequeue();
        _committing = false;
        Context.System.EventStream.Publish(c);
        PumpCommits();
    }

    private void OnCommitFailed(GitCommitFailed f)
    {
        // The journal holds the transition; the task list in git lags until the next commit of this PR.
        _log.Error(f.Error, "Git commit of {0} → {1} failed: {2}", f.Transition.PrId, f.Transition.To.ToWire(), f.Error.Message);
        _commits.Dequeue();
        _committing = false;
        Context.System.EventStream.Publish(f);
        PumpCommits();
    }

    private void RequestSchedule()
    {
        if (_schedulePending) return;
        _schedulePending = true;
        Self.Tell(RunScheduler.Instance);
    }

    private void Reply(string sessionId, object message) => _registry.Tell(new ToAgent(sessionId, message));

    private PrStateContext StateContext() => PrStateContext.From(_prs.Values.Select(p => new PrStatus(
        p.Id, _state.ColdStates[p.Id],
        _state.Assignments.TryGetValue(p.Id, out var a) && StateNames.TryParseHot(a.HotState, out var h) ? h : null,
        p.Dependencies)));

    private static string WireName(CoreWork work) => work switch
    {
        CoreWork.Planning => "plan",
        CoreWork.QualityCheck => "qc",
        CoreWork.Review => "review",
        _ => "implement",
    };

    private static WireWork ParseWork(string work) => work switch
    {
        "plan" => WireWork.Plan,
        "qc" => WireWork.Qc,
        "review" => WireWork.Review,
        _ => WireWork.Implement,
    };
}
