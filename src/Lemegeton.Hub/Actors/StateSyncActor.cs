using Akka.Actor;
using Akka.Event;
using Lemegeton.Core.States;
using Lemegeton.Storage.Git;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// State sync between the hot state and git (child of <see cref="HubCoordinator"/>): commits each cold
/// transition with the <see cref="TaskListGitMirror"/>, in journal order, one at a time; on start
/// compares the journal's cold states with the task list at HEAD (<see cref="ColdStateReconciliation"/>);
/// after degraded mode merges the agent branches back with the <see cref="AgentBranchMerger"/>. All of it
/// is one queue, so git sees one writer. Every git call runs on the thread pool and is piped back: the
/// actor never blocks. A failed commit is retried with exponential back-off (<see cref="StateSyncSettings"/>)
/// before it is reported (<see cref="GitCommitFailed"/>); it stays uncommitted in the journal and is tried
/// again on the next start. Supervision: a back-off supervisor restarts it; a new incarnation announces
/// itself (<see cref="StateSyncStarted"/>) and the coordinator sends it the transitions still uncommitted.
/// </summary>
public sealed class StateSyncActor : ReceiveActor, IWithTimers
{
    private const string RetryTimer = "retry";
    private readonly IActorRef _coordinator;
    private readonly TaskListGitMirror? _mirror;
    private readonly AgentBranchMerger? _merger;
    private readonly StateSyncSettings _settings;
    private readonly Queue<object> _jobs = new();
    private readonly HashSet<long> _queued = [];
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private bool _busy;
    private int _attempt;

    public StateSyncActor(IActorRef coordinator, TaskListGitMirror? mirror, AgentBranchMerger? merger, StateSyncSettings settings)
    {
        _coordinator = coordinator;
        _mirror = mirror;
        _merger = merger;
        _settings = settings;
        Receive<CommitColdTransition>(c =>
        {
            if (_mirror is null || !_queued.Add(c.Id)) return;
            Enqueue(c);
        });
        Receive<ReconcileColdStates>(Enqueue);
        Receive<MergeAgentBranches>(Enqueue);
        Receive<Done>(OnDone);
        Receive<Retry>(_ => { _busy = false; Pump(); });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef coordinator, TaskListGitMirror? mirror, AgentBranchMerger? merger, StateSyncSettings settings) =>
        Akka.Actor.Props.Create(() => new StateSyncActor(coordinator, mirror, merger, settings));

    protected override void PreStart() => _coordinator.Tell(StateSyncStarted.Instance);

    private void Enqueue(object job)
    {
        _jobs.Enqueue(job);
        Pump();
    }

    private void Pump()
    {
        if (_busy || _jobs.Count == 0) return;
        _busy = true;
        var job = _jobs.Peek();
        Run(job).PipeTo(Self, success: reply => new Done(job, reply, null), failure: ex => new Done(job, null, ex));
    }

    private Task<object> Run(object job) => job switch
    {
        CommitColdTransition c => Commit(c),
        ReconcileColdStates r => Reconcile(r),
        MergeAgentBranches m => Merge(m),
        _ => Task.FromResult<object>(job),
    };

    private async Task<object> Commit(CommitColdTransition c) =>
        new GitCommitted(c.Transition, await _mirror!.CommitAsync(c.Transition).ConfigureAwait(false), c.Id);

    private async Task<object> Reconcile(ReconcileColdStates r)
    {
        if (_mirror is null) return new ColdStatesReconciled([], null);
        var head = await _mirror.ReadHeadAsync().ConfigureAwait(false);
        var git = head.Prs.ToDictionary(p => p.Id, p => p.ColdState, StringComparer.Ordinal);
        return new ColdStatesReconciled(ColdStateReconciliation.Decide(r.Journal, r.Uncommitted, git), null);
    }

    private async Task<object> Merge(MergeAgentBranches m)
    {
        if (_merger is null) return new AgentBranchesMerged([], "no git repository");
        return new AgentBranchesMerged(await _merger.MergeAllAsync(m.PrIds).ConfigureAwait(false), null);
    }

    private void OnDone(Done done)
    {
        if (done.Error is { } error && _attempt + 1 < _settings.MaxAttempts)
        {
            var delay = Backoff(++_attempt);
            _log.Warning("State sync: {0} failed (attempt {1}; again in {2} ms): {3}", done.Job.GetType().Name, _attempt, (int)delay.TotalMilliseconds, error.Message);
            Timers.StartSingleTimer(RetryTimer, Retry.Instance, delay);
            return;
        }
        _jobs.Dequeue();
        _busy = false;
        _attempt = 0;
        var reply = done.Reply ?? done.Job switch
        {
            CommitColdTransition c => new GitCommitFailed(c.Transition, done.Error!, c.Id),
            ReconcileColdStates => new ColdStatesReconciled([], done.Error!.Message),
            MergeAgentBranches => new AgentBranchesMerged([], done.Error!.Message),
            _ => done.Job,
        };
        if (done.Job is CommitColdTransition committed) _queued.Remove(committed.Id);
        _coordinator.Tell(reply);
        Pump();
    }

    private TimeSpan Backoff(int attempt)
    {
        var ms = _settings.MinBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(Math.Min(ms, _settings.MaxBackoff.TotalMilliseconds));
    }

    private sealed record Done(object Job, object? Reply, Exception? Error);

    private sealed record Retry
    {
        public static Retry Instance { get; } = new();
    }
}
