using System.Diagnostics;
using Akka.Actor;
using Lemegeton.Hub.Daemon;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Spawner;

/// <summary>
/// Runs one local agent process and keeps it running: a non-zero exit restarts it after a backoff
/// (<see cref="AgentRestartPolicy"/>), too many restarts in the window give it up (logged and
/// published as <see cref="SpawnedAgentGaveUp"/>). <see cref="StopAgentProcess"/> sends SIGTERM to its
/// process group and SIGKILL after the grace. Output lines and the exit are read off the actor thread
/// by the <see cref="Process"/> events and arrive here as messages; each line is logged with the agent id.
/// </summary>
public sealed class AgentProcessActor : ReceiveActor, IWithTimers
{
    private const string RestartTimer = "restart";
    private const string KillTimer = "kill";
    private static readonly TimeSpan OutputDrainBound = TimeSpan.FromSeconds(2);

    private readonly SpawnedAgent _agent;
    private readonly SpawnerSettings _settings;
    private readonly string _hubAddress;
    private readonly Func<AgentLaunch, AgentCommandLine> _commandLine;
    private readonly ILogger _logger;
    private readonly AgentRestartPolicy _restarts;
    private Process? _process;
    private int _pid;
    private int _generation;
    private bool _stopping;
    private bool _killed;
    private IActorRef? _stopRequester;

    public AgentProcessActor(SpawnedAgent agent, SpawnerSettings settings, string hubAddress, ILoggerFactory loggers)
    {
        _agent = agent;
        _settings = settings;
        _hubAddress = hubAddress;
        _commandLine = settings.CommandLineOrDefault();
        _logger = loggers.CreateLogger<AgentProcessActor>();
        _restarts = new AgentRestartPolicy(settings);

        Receive<StartAgentProcess>(_ => Start());
        Receive<AgentOutputLine>(OnOutput);
        Receive<AgentProcessExited>(OnExited);
        Receive<StopAgentProcess>(_ => OnStop());
        Receive<KillAgentProcess>(OnKill);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(SpawnedAgent agent, SpawnerSettings settings, string hubAddress, ILoggerFactory loggers) =>
        Akka.Actor.Props.Create(() => new AgentProcessActor(agent, settings, hubAddress, loggers));

    // Before the first start: agent processes of the same id a killed hub left running are stopped (off the actor thread).
    protected override void PreStart()
    {
        var (id, root, grace, logger) = (_agent.Id, _settings.WorkingDirectory, _settings.StopGrace, _logger);
        Task.Run(async () =>
        {
            try
            {
                var stopped = await OrphanedAgentProcesses.StopAsync(id, root, grace).ConfigureAwait(false);
                if (stopped.Count > 0) SpawnerLog.LeftoverAgentsStopped(logger, id, string.Join(", ", stopped));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                SpawnerLog.OrphanedCommandsUnknown(logger, id, 0, e.Message);
            }
            return StartAgentProcess.Instance;
        }).PipeTo(Self, failure: _ => StartAgentProcess.Instance);
    }

    // A crash of this actor or its stop must not leave an orphan behind: kill the whole group at once.
    protected override void PostStop()
    {
        if (_process is not null) AgentProcessGroup.Signal(_pid, Posix.SigKill);
        _process?.Dispose();
        _process = null;
    }

    private void Start()
    {
        if (_stopping || _process is not null) return;
        var command = AgentProcessGroup.Wrap(_commandLine(new AgentLaunch(_agent, _hubAddress, _settings.ExecTemplate, _settings.WorkingDirectory, _settings.CommandTimeout)));
        var start = new ProcessStartInfo(command.FileName)
        {
            WorkingDirectory = _settings.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in command.Arguments) start.ArgumentList.Add(argument);
        start.Environment["LEMEGETON_AGENT_ID"] = _agent.Id;
        start.Environment["LEMEGETON_AGENT_TYPE"] = _agent.Type;

        var generation = ++_generation;
        var self = Self;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) self.Tell(new AgentOutputLine(generation, "stdout", e.Data)); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) self.Tell(new AgentOutputLine(generation, "stderr", e.Data)); };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            SpawnerLog.StartFailed(_logger, e, _agent.Id, command.FileName);
            process.Dispose();
            Self.Tell(new AgentProcessExited(generation, 0, 127));
            return;
        }

        _process = process;
        var pid = _pid = process.Id;
        var orphans = new OrphanReaping(_agent.Id, _settings.WorkingDirectory, _settings.StopGrace, _logger);
        process.Exited += (_, _) => _ = ReportExitAsync(process, generation, pid, self, orphans);
        // Exited is raised only for a process that exits after the subscription; one that was quicker is caught here.
        if (process.HasExited) _ = ReportExitAsync(process, generation, pid, self, orphans);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        SpawnerLog.Started(_logger, _agent.Id, _pid, string.Join(' ', command.Arguments.Prepend(command.FileName)));
        Context.System.EventStream.Publish(new SpawnedAgentStarted(_agent.Id, _pid, _restarts.RestartsInWindow));
    }

    private void OnOutput(AgentOutputLine line) => SpawnerLog.Output(_logger, _agent.Id, line.Stream, line.Line);

    private void OnExited(AgentProcessExited exited)
    {
        if (exited.Generation != _generation || (_process is null && exited.Pid != 0)) return; // a duplicate, or a process already handled
        var pid = exited.Pid;
        if (_process is not null)
        {
            // Tools the agent started may outlive it; they belong to its group and go with it.
            AgentProcessGroup.Signal(pid, Posix.SigKill);
            _process.Dispose();
            _process = null;
        }
        Timers.Cancel(KillTimer);

        if (_stopping)
        {
            if (!_killed) SpawnerLog.Stopped(_logger, _agent.Id, pid, exited.ExitCode);
            Context.System.EventStream.Publish(new SpawnedAgentExited(_agent.Id, pid, exited.ExitCode, null));
            ReportStopped();
            return;
        }

        if (exited.ExitCode == 0)
        {
            SpawnerLog.ExitedCleanly(_logger, _agent.Id, pid);
            Context.System.EventStream.Publish(new SpawnedAgentExited(_agent.Id, pid, 0, null));
            return;
        }

        if (_restarts.OnFailure(Context.System.Scheduler.Now) is { } backoff)
        {
            SpawnerLog.Restarting(_logger, _agent.Id, pid, exited.ExitCode, _restarts.RestartsInWindow, _settings.MaxRestarts, _settings.RestartWindow, backoff);
            Context.System.EventStream.Publish(new SpawnedAgentExited(_agent.Id, pid, exited.ExitCode, backoff));
            Timers.StartSingleTimer(RestartTimer, StartAgentProcess.Instance, backoff);
            return;
        }

        SpawnerLog.GaveUp(_logger, _agent.Id, pid, exited.ExitCode, _restarts.RestartsInWindow, _settings.RestartWindow);
        Context.System.EventStream.Publish(new SpawnedAgentExited(_agent.Id, pid, exited.ExitCode, null));
        Context.System.EventStream.Publish(new SpawnedAgentGaveUp(_agent.Id, _restarts.RestartsInWindow, _settings.RestartWindow, exited.ExitCode));
    }

    private void OnStop()
    {
        _stopRequester = Sender;
        if (_stopping) return;
        _stopping = true;
        Timers.Cancel(RestartTimer);
        if (_process is null)
        {
            ReportStopped();
            return;
        }
        AgentProcessGroup.Signal(_pid, Posix.SigTerm);
        SpawnerLog.Terminating(_logger, _agent.Id, _pid, _settings.StopGrace);
        Timers.StartSingleTimer(KillTimer, new KillAgentProcess(_generation), _settings.StopGrace);
    }

    private void OnKill(KillAgentProcess kill)
    {
        if (kill.Generation != _generation || _process is null) return;
        _killed = true;
        AgentProcessGroup.Signal(_pid, Posix.SigKill);
        SpawnerLog.Killed(_logger, _agent.Id, _pid, _settings.StopGrace);
        Context.System.EventStream.Publish(new SpawnedAgentKilled(_agent.Id, _pid, _settings.StopGrace));
    }

    private void ReportStopped() => _stopRequester?.Tell(new AgentProcessStopped(_agent.Id));

    /// <summary>
    /// Tells the exit once the process's output is read to the end, so that its last lines (often the
    /// reason it failed) are logged before it is restarted; bounded, since a tool it started may hold the pipe.
    /// A failed agent's PR command may still run in a group of its own: it is stopped first (off the actor thread),
    /// so it cannot finish the PR behind the back of the agent the hub hands it to (see <see cref="OrphanedAgentCommands"/>).
    /// </summary>
    private static async Task ReportExitAsync(Process process, int generation, int pid, IActorRef self, OrphanReaping orphans)
    {
        try
        {
            await process.WaitForExitAsync().WaitAsync(OutputDrainBound).ConfigureAwait(false);
        }
        catch (TimeoutException) { }
        catch (InvalidOperationException) { }
        var exitCode = SafeExitCode(process);
        if (exitCode != 0)
        {
            try
            {
                var stopped = await OrphanedAgentCommands.StopAsync(orphans.AgentId, orphans.RepositoryRoot, orphans.Grace).ConfigureAwait(false);
                if (stopped.Count > 0) SpawnerLog.OrphanedCommandsStopped(orphans.Logger, orphans.AgentId, pid, string.Join(", ", stopped));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                SpawnerLog.OrphanedCommandsUnknown(orphans.Logger, orphans.AgentId, pid, e.Message);
            }
        }
        self.Tell(new AgentProcessExited(generation, pid, exitCode));
    }

    /// <summary>What <see cref="ReportExitAsync"/> needs to stop the commands a dead agent left behind.</summary>
    private sealed record OrphanReaping(string AgentId, string RepositoryRoot, TimeSpan Grace, ILogger Logger);

    private static int SafeExitCode(Process process)
    {
        try { return process.ExitCode; }
        catch (InvalidOperationException) { return -1; }
    }
}
