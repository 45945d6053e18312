using System.Globalization;
using Akka.Actor;
using Lemegeton.Agent.Execution;
using Lemegeton.Agent.LocalSocket;
using Lemegeton.Agent.Workspace;
using Lemegeton.Protocol;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Queries;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Validation;
using Lemegeton.Protocol.Work;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Agent.Actors;

/// <summary>
/// One agent in the cluster: registers with the hub's coordinator (through the singleton proxy, with a
/// proof of the cluster secret), heartbeats its session, runs one assignment at a time (the command
/// runs as a task outside the actor; its end comes back as <see cref="JobFinished"/>), reports
/// completion or failure with the assignment's fencing token, and answers its local socket
/// (<see cref="LocalCall"/>) by turning requests into protocol messages. It registers only while idle:
/// after losing its session mid-PR it finishes the PR first, starts nothing new, and reports it after
/// the next Welcome. Supervision: the runtime's guardian restarts it; its durable state is in
/// <see cref="AgentSlot"/>, so a restart loses nothing but pending local calls.
/// </summary>
internal sealed partial class AgentActor : ReceiveActor, IWithTimers
{
    private const string RegisterTimer = "register";
    private const string HeartbeatTimer = "heartbeat";
    private const string GraceTimer = "grace";
    private readonly AgentSlot _slot;
    private readonly IActorRef _hub;
    private readonly AgentOptions _options;
    private readonly CommandRunner _runner;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, IActorRef> _pending = new(StringComparer.Ordinal);
    private IActorRef? _session;
    private string? _sessionId;
    private long _seq;
    private long _correlation;
    private bool _stopping;
    private string? _ownLease;

    public AgentActor(AgentSlot slot, IActorRef hub, AgentOptions options, CommandRunner runner, TimeProvider time, ILogger logger)
    {
        _slot = slot;
        _hub = hub;
        _options = options;
        _runner = runner;
        _time = time;
        _logger = logger;

        Receive<RegisterAgain>(_ => TryRegister());
        Receive<Welcome>(OnWelcome);
        Receive<Terminated>(t => t.ActorRef.Equals(_session), _ => OnSessionLost());
        Receive<HeartbeatTick>(_ => Beat());
        Receive<AssignPr>(OnAssigned);
        Receive<JobFinished>(OnJobFinished);
        Receive<RevokePr>(OnRevoked);
        Receive<ModeAnnouncement>(OnMode);
        Receive<Shutdown>(OnShutdown);
        Receive<StopAgent>(s => BeginStopping(s.Reason, TimeSpan.Zero));
        Receive<GraceOver>(_ => _slot.Current?.Stop());
        Receive<LocalCall>(OnLocalCall);
        Receive<LeasesGranted>(g => g.Re == _ownLease, _ =>
        {
            _ownLease = null;
            if (_slot.Current is { Started: false } job) StartRun(job);
        });
        Receive<LeasesGranted>(g => Answer(g.Re, new LocalReply(true, Files: g.Files, FencingToken: g.FencingToken)));
        Receive<LeasesDenied>(d => d.Re == _ownLease, d =>
        {
            _ownLease = null;
            LogOwnFilesBusy(_logger, _slot.AgentId, string.Join("; ", d.Conflicts.Select(c => $"{c.File} held by {c.AgentId} for {c.PrId}")));
            Timers.StartSingleTimer("own-lease", RetryOwnLease.Instance, TimeSpan.FromSeconds(1));
        });
        Receive<RetryOwnLease>(_ => AcquireOwnFiles());
        Receive<LeasesDenied>(OnDenied);
        Receive<Ack>(a => Answer(a.Re, LocalReply.Success));
        Receive<PrExplained>(OnExplained);
        Receive<ProtocolError>(OnError);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(AgentSlot slot, IActorRef hub, AgentOptions options, CommandRunner runner, TimeProvider time, ILogger logger) =>
        Akka.Actor.Props.Create(() => new AgentActor(slot, hub, options, runner, time, logger));

    protected override void PreStart()
    {
        _slot.Actor = Self;
        // A job that ended while no actor was there to hear it (between actor systems).
        if (_slot.Current is { Started: false }) _slot.Current = null; // its session is gone; the hub reclaims it
        if (_slot.Current is { Run.IsCompleted: true } done) Self.Tell(new JobFinished(done, done.Run.Result));
        TryRegister();
    }

    protected override void PostStop()
    {
        if (Equals(_slot.Actor, Self)) _slot.Actor = null;
        foreach (var asker in _pending.Values) asker.Tell(LocalReply.Failure("not-connected", "the agent is stopping."));
    }

    private string NextCorrelation(string prefix) => $"{prefix}-{_slot.AgentId}-{++_correlation}";

    private void TryRegister()
    {
        if (_session is not null || _stopping) return;
        if (_slot.Current is not null)
        {
            LogWaitingForJob(_logger, _slot.AgentId, _slot.Current.Assignment.PrId);
            return;
        }
        var proof = _options.Secret?.Prove(_slot.AgentId, _time.GetUtcNow());
        _hub.Tell(new RegisterAgent(NextCorrelation("register"), ProtocolVersion.Current, _slot.AgentId, _options.AgentType,
            _options.Model, _options.MaxComplexity, 1, null, proof));
        Timers.StartSingleTimer(RegisterTimer, RegisterAgain.Instance, _options.RegisterRetry);
    }

    private void OnWelcome(Welcome w)
    {
        if (_session is not null)
        {
            if (!Sender.Equals(_session)) Sender.Tell(new Bye("a second registration answered; this agent keeps its first session"));
            return;
        }
        if (ProtocolValidator.ValidateFromHub(w) is { } invalid) { LogInvalid(_logger, _slot.AgentId, invalid.Message); return; }
        _session = Sender;
        _sessionId = w.SessionId;
        _seq = 0;
        Context.Watch(_session);
        Timers.Cancel(RegisterTimer);
        Timers.StartPeriodicTimer(HeartbeatTimer, HeartbeatTick.Instance, TimeSpan.FromMilliseconds(w.HeartbeatIntervalMs));
        _slot.Mode = w.Mode;
        LogRegistered(_logger, _slot.AgentId, w.SessionId, w.HubId, w.Mode.ToString().ToLowerInvariant());
        while (_slot.Unreported.TryDequeue(out var report))
        {
            LogReportingLate(_logger, _slot.AgentId, report.GetType().Name, (report as CompletePr)?.PrId ?? (report as FailPr)?.PrId ?? "?");
            _session.Tell(report);
        }
        if (_stopping) FinishStopping("stopping");
    }

    private void OnSessionLost()
    {
        LogSessionLost(_logger, _slot.AgentId, _sessionId ?? "?", _slot.Current?.Assignment.PrId);
        _session = null;
        _sessionId = null;
        _ownLease = null;
        Timers.Cancel(HeartbeatTimer);
        if (_slot.Current is { Started: false }) _slot.Current = null; // never started; the hub reclaims it
        foreach (var asker in _pending.Values) asker.Tell(LocalReply.Failure("not-connected", "the hub session ended; the agent is registering again."));
        _pending.Clear();
        if (_stopping) { FinishStopping(null); return; }
        TryRegister();
    }

    private void Beat()
    {
        if (_session is null) return;
        var working = _slot.Current is { } job;
        _session.Tell(new Heartbeat(_seq++, working ? HeartbeatStates.Working : HeartbeatStates.Idle,
            working ? [_slot.Current!.Assignment.PrId] : null));
    }

    private void OnAssigned(AssignPr a)
    {
        if (ProtocolValidator.ValidateFromHub(a) is { } invalid) { Sender.Tell(invalid); return; }
        if (_stopping) { Sender.Tell(new ProtocolError(ErrorCodes.ShuttingDown, $"Agent {_slot.AgentId} is stopping; it takes no new work.", a.CorrelationId)); return; }
        if (_slot.Current is { } busy)
        {
            Sender.Tell(new ProtocolError(ErrorCodes.AtCapacity, $"Agent {_slot.AgentId} already works on {busy.Assignment.PrId}.", a.CorrelationId));
            return;
        }
        Sender.Tell(new Ack(a.CorrelationId));
        var branch = a.Branch ?? (_slot.Mode == CoordinationMode.Degraded ? $"agent-{_slot.AgentId}-{a.PrId}" : null);
        var job = new AgentJob(a, _sessionId ?? "", Path.Combine(_slot.AgentDirectory, a.PrId + ".md"), Path.Combine(_slot.AgentDirectory, a.PrId + ".log"), branch);
        _slot.Current = job;
        LogAssigned(_logger, _slot.AgentId, a.PrId, a.FencingToken, branch ?? "(current)", job.LogFile);
        if (a.Files.Count == 0) StartRun(job);
        else AcquireOwnFiles();
    }

    /// <summary>Leases the PR's own files before its command starts (a lease the agent already holds is granted again).</summary>
    private void AcquireOwnFiles()
    {
        if (_slot.Current is not { Started: false } job || _session is null) return;
        _ownLease = NextCorrelation("own-lease");
        _session.Tell(new AcquireLeases(_ownLease, job.Assignment.PrId, job.Assignment.Files));
    }

    private void StartRun(AgentJob job)
    {
        job.Started = true;
        var slot = _slot;
        job.Run = RunJobAsync(job, slot, _options, _runner);
        job.Run.ContinueWith(t => slot.Actor?.Tell(new JobFinished(job, t.Result)), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The work of one assignment, outside the actor: workspace, PR file, command, commit.</summary>
    private static async Task<JobResult> RunJobAsync(AgentJob job, AgentSlot slot, AgentOptions options, CommandRunner runner)
    {
        await Task.Yield();
        var a = job.Assignment;
        try
        {
            var workspace = slot.Workspace;
            var branch = await workspace.PrepareAsync(a.PrId, job.Branch).ConfigureAwait(false);
            var prFile = await PrFile.WriteAsync(slot.AgentDirectory, a, branch).ConfigureAwait(false);
            var before = await GitCli.HeadAsync(workspace.Directory).ConfigureAwait(false);
            var values = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["pr_id"] = a.PrId,
                ["title"] = a.Title,
                ["pr_file"] = prFile,
                ["branch"] = branch ?? "",
                ["agent_id"] = slot.AgentId,
                ["fencing_token"] = a.FencingToken.ToString(CultureInfo.InvariantCulture),
            };
            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["LEMEGETON_PR_ID"] = a.PrId,
                ["LEMEGETON_PR_TITLE"] = a.Title,
                ["LEMEGETON_PR_KIND"] = a.Kind.ToString().ToLowerInvariant(),
                ["LEMEGETON_PR_FILE"] = prFile,
                ["LEMEGETON_FILES"] = string.Join('\n', a.Files),
                ["LEMEGETON_FENCING_TOKEN"] = a.FencingToken.ToString(CultureInfo.InvariantCulture),
                ["LEMEGETON_BRANCH"] = branch ?? "",
                ["LEMEGETON_AGENT_ID"] = slot.AgentId,
                ["LEMEGETON_REPOSITORY"] = workspace.RepositoryRoot,
                [AgentSocketPaths.EnvironmentVariable] = slot.SocketPath,
            };
            var spec = new CommandSpec(options.Command.Expand(values, a.Files), workspace.Directory, environment, job.LogFile, options.CommandTimeout, options.KillGrace);
            var outcome = await runner.RunAsync(spec, job.Cancellation).ConfigureAwait(false);
            var after = await GitCli.HeadAsync(workspace.Directory).ConfigureAwait(false);
            await workspace.FinishAsync().ConfigureAwait(false);
            return new JobResult(outcome, after is not null && after != before ? after : null);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return new JobResult(new CommandOutcome(null, false, false, TimeSpan.Zero, e.Message), null, e.Message);
        }
    }

    private void OnJobFinished(JobFinished finished)
    {
        var job = finished.Job;
        if (!ReferenceEquals(job, _slot.Current)) return; // already handled (delivered twice across actor systems)
        _slot.Current = null;
        var a = job.Assignment;
        var outcome = finished.Result.Outcome;
        if (job.Revoked)
        {
            LogRevokedDone(_logger, _slot.AgentId, a.PrId);
        }
        else
        {
            IAgentMessage? report;
            if (_stopping && outcome.Cancelled)
                report = null; // stopped by the agent's own shutdown: Bye hands the PR back without counting a failed attempt
            else if (job.Declared is { Complete: false } declaredFail)
                report = new FailPr(NextCorrelation("fail"), a.PrId, a.FencingToken, FailureCategories.Execution,
                    Clip(declaredFail.Message ?? "the command declared the PR failed"));
            else if (outcome.Succeeded)
                report = new CompletePr(NextCorrelation("complete"), a.PrId, a.FencingToken, job.Declared?.Commit ?? finished.Result.Commit,
                    Clip(job.Declared?.Message ?? $"{_options.Command.Text} exited 0 after {outcome.Duration.TotalSeconds:0.#} s"));
            else
                report = new FailPr(NextCorrelation("fail"), a.PrId, a.FencingToken, FailureCategories.Execution,
                    Clip(outcome.Describe(job.LogFile, _options.CommandTimeout)));
            LogFinished(_logger, _slot.AgentId, a.PrId, report switch { CompletePr => "complete", FailPr => "fail", _ => "handed back" }, outcome.ExitCode, outcome.TimedOut);
            if (report is null) { }
            else if (_session is not null) _session.Tell(report);
            else _slot.Unreported.Enqueue(report);
        }
        if (_stopping) { FinishStopping("stopping"); return; }
        TryRegister();
    }

    private static string Clip(string text) => text.Length <= 4000 ? text : text[..4000];

    private void OnRevoked(RevokePr r)
    {
        if (_slot.Current is { } job && job.Assignment.PrId == r.PrId)
        {
            LogRevoked(_logger, _slot.AgentId, r.PrId, r.Reason);
            job.Revoke();
        }
    }

    private void OnMode(ModeAnnouncement m)
    {
        _slot.Mode = m.Mode;
        LogMode(_logger, _slot.AgentId, m.Mode.ToString().ToLowerInvariant(), m.Action.ToString());
    }

    private void OnShutdown(Shutdown s) => BeginStopping("the hub asked agents to shut down", TimeSpan.FromMilliseconds(s.GraceMs));

    private void BeginStopping(string reason, TimeSpan grace)
    {
        if (_stopping) return;
        _stopping = true;
        LogStopping(_logger, _slot.AgentId, reason);
        if (_slot.Current is { Started: false }) _slot.Current = null; // Bye hands it back
        if (_slot.Current is { } job)
        {
            if (grace <= TimeSpan.Zero) job.Stop();
            else Timers.StartSingleTimer(GraceTimer, GraceOver.Instance, grace);
            return; // JobFinished reports and finishes stopping
        }
        FinishStopping(reason);
    }

    private void FinishStopping(string? reason)
    {
        _session?.Tell(new Bye(reason ?? "agent stopping"));
        _slot.MarkStopped(null);
        Context.Stop(Self);
    }

    private void OnError(ProtocolError e)
    {
        if (e.Re is { } own && own == _ownLease && _slot.Current is { Started: false } job)
        {
            _ownLease = null;
            _slot.Current = null;
            LogHubError(_logger, _slot.AgentId, e.Code, e.Message);
            _session?.Tell(new FailPr(NextCorrelation("fail"), job.Assignment.PrId, job.Assignment.FencingToken, FailureCategories.Assignment,
                Clip($"the PR's files could not be leased: {e.Message}")));
            return;
        }
        if (e.Re is { } re && _pending.ContainsKey(re))
        {
            Answer(re, LocalReply.Failure(e.Code, e.Message));
            return;
        }
        if (e.Code == ErrorCodes.Unauthorized)
        {
            LogUnauthorized(_logger, _slot.AgentId, e.Message);
            _slot.MarkStopped($"the hub refused agent {_slot.AgentId}: {e.Message}");
            Context.Stop(Self);
            return;
        }
        if (e.Code == ErrorCodes.AgentIdInUse && _session is not null) return; // a retried registration after the first was answered
        LogHubError(_logger, _slot.AgentId, e.Code, e.Message);
    }

    private void OnExplained(PrExplained e)
    {
        if (ProtocolValidator.ValidateFromHub(e) is { } invalid)
        {
            LogInvalid(_logger, _slot.AgentId, invalid.Message);
            Answer(e.Re ?? "", LocalReply.Failure(ErrorCodes.InvalidMessage, $"the hub's explanation could not be read: {invalid.Message}"));
            return;
        }
        Answer(e.Re, new LocalReply(true, Text: WhyWaitingText.Format(e)));
    }

    private void OnDenied(LeasesDenied d)
    {
        var holders = string.Join("; ", d.Conflicts.Select(c => $"{c.File} is leased by agent {c.AgentId} for {c.PrId}"));
        Answer(d.Re, new LocalReply(false, $"refused: {holders}. Wait for that PR to finish, or work without those files.", "lease-conflict", d.Conflicts));
    }

    private void Answer(string re, LocalReply reply)
    {
        if (_pending.Remove(re, out var asker)) asker.Tell(reply);
    }

    private void OnLocalCall(LocalCall call)
    {
        var r = call.Request;
        var job = _slot.Current;
        switch (r.Op)
        {
            case LocalOps.Status:
                Sender.Tell(new LocalReply(true, Agent: new LocalAgentInfo(_slot.AgentId, _session is not null, _sessionId,
                    _slot.Mode.ToString().ToLowerInvariant(), job?.Assignment.PrId)));
                return;
            case LocalOps.CurrentPr:
                Sender.Tell(job is null ? NoAssignment() : new LocalReply(true, Pr: Describe(job)));
                return;
            case LocalOps.Complete or LocalOps.Fail:
                if (job is null) { Sender.Tell(NoAssignment()); return; }
                job.Declared = new LocalDeclaration(r.Op == LocalOps.Complete, r.Message, r.Commit);
                Sender.Tell(new LocalReply(true, Text: r.Op == LocalOps.Complete
                    ? $"{job.Assignment.PrId} will be reported complete when the command exits with code 0."
                    : $"{job.Assignment.PrId} will be reported failed when the command exits."));
                return;
        }
        if (_session is null)
        {
            var cannot = r.Op == LocalOps.WhyWaiting ? $", so it cannot ask the hub why {r.PrId} waits" : "";
            Sender.Tell(LocalReply.Failure("not-connected", $"agent {_slot.AgentId} has no hub session right now (the hub may be restarting){cannot}; try again in a few seconds."));
            return;
        }
        switch (r.Op)
        {
            case LocalOps.AcquireLeases:
                if (job is null) { Sender.Tell(NoAssignment()); return; }
                if (r.Files is not { Count: > 0 }) { Sender.Tell(LocalReply.Failure("bad-request", "lease.acquire needs at least one file.")); return; }
                Ask(c => new AcquireLeases(c, job.Assignment.PrId, r.Files), "lease");
                return;
            case LocalOps.ReleaseLeases:
                Ask(c => new ReleaseLeases(c, r.Files is { Count: > 0 } ? r.Files : null), "release");
                return;
            case LocalOps.Progress:
                if (job is null) { Sender.Tell(NoAssignment()); return; }
                if (r.Percent is not (>= 0 and <= 100)) { Sender.Tell(LocalReply.Failure("bad-request", "progress needs a percent between 0 and 100.")); return; }
                _session.Tell(new ProgressReport(job.Assignment.PrId, r.Percent.Value, r.Message));
                Sender.Tell(LocalReply.Success);
                return;
            case LocalOps.WhyWaiting:
                if (string.IsNullOrWhiteSpace(r.PrId)) { Sender.Tell(LocalReply.Failure("bad-request", "why-waiting needs the PR asked about in 'prId', e.g. PR-007.")); return; }
                var asked = r.PrId.Trim();
                Ask(c => new ExplainPrRequest(c, asked), "why");
                return;
            default:
                Sender.Tell(LocalReply.Failure("bad-request", $"unknown op '{r.Op}'."));
                return;
        }
    }

    private void Ask(Func<string, IAgentMessage> message, string prefix)
    {
        var correlation = NextCorrelation(prefix);
        _pending[correlation] = Sender;
        _session!.Tell(message(correlation));
    }

    private LocalReply NoAssignment() =>
        LocalReply.Failure("no-assignment", $"agent {_slot.AgentId} has no assignment right now.");

    private static LocalPrInfo Describe(AgentJob job)
    {
        var a = job.Assignment;
        return new LocalPrInfo(a.PrId, a.Title, a.Kind.ToString().ToLowerInvariant(), a.Body, a.Files,
            AcceptanceCriteria.From(a.Body), a.FencingToken, job.Branch, job.PrFile, 1);
    }

    private sealed record RegisterAgain { public static RegisterAgain Instance { get; } = new(); }
    private sealed record HeartbeatTick { public static HeartbeatTick Instance { get; } = new(); }
    private sealed record GraceOver { public static GraceOver Instance { get; } = new(); }
    private sealed record RetryOwnLease { public static RetryOwnLease Instance { get; } = new(); }

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Agent {AgentId}: the PR's files are still leased by others ({Conflicts}); asking again in 1 s")]
    private static partial void LogOwnFilesBusy(ILogger logger, string agentId, string conflicts);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Agent {AgentId} registered: session {SessionId} with hub {HubId}, mode {Mode}")]
    private static partial void LogRegistered(ILogger logger, string agentId, string sessionId, string hubId, string mode);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Agent {AgentId} lost session {SessionId} (working on {PrId}); registering again when idle")]
    private static partial void LogSessionLost(ILogger logger, string agentId, string sessionId, string? prId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Agent {AgentId} assigned {PrId} (fencing token {Token}, branch {Branch}); log {LogFile}")]
    private static partial void LogAssigned(ILogger logger, string agentId, string prId, long token, string branch, string logFile);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Agent {AgentId} finished {PrId}: {Report} (exit code {ExitCode}, timed out {TimedOut})")]
    private static partial void LogFinished(ILogger logger, string agentId, string prId, string report, int? exitCode, bool timedOut);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Agent {AgentId} reports {Report} for {PrId}, finished while it had no session")]
    private static partial void LogReportingLate(ILogger logger, string agentId, string report, string prId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Agent {AgentId} waits for its command on {PrId} to end before registering again")]
    private static partial void LogWaitingForJob(ILogger logger, string agentId, string prId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Agent {AgentId}: {PrId} was taken back by the hub ({Reason}); stopping its command")]
    private static partial void LogRevoked(ILogger logger, string agentId, string prId, string reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Agent {AgentId}: the command of the revoked {PrId} has stopped")]
    private static partial void LogRevokedDone(ILogger logger, string agentId, string prId);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Agent {AgentId}: hub mode {Mode} ({Action})")]
    private static partial void LogMode(ILogger logger, string agentId, string mode, string action);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Agent {AgentId} stopping: {Reason}")]
    private static partial void LogStopping(ILogger logger, string agentId, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Agent {AgentId} refused by the hub: {Message}")]
    private static partial void LogUnauthorized(ILogger logger, string agentId, string message);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Agent {AgentId}: hub error {Code}: {Message}")]
    private static partial void LogHubError(ILogger logger, string agentId, string code, string message);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Agent {AgentId}: invalid message from the hub: {Message}")]
    private static partial void LogInvalid(ILogger logger, string agentId, string message);
}
