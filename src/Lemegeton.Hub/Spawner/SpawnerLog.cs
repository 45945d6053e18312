using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Spawner;

/// <summary>The spawner's log messages; every one names the agent as <c>{AgentId}</c>.</summary>
internal static partial class SpawnerLog
{
    [LoggerMessage(100, LogLevel.Information, "Agent {AgentId} {Stream}: {Line}")]
    public static partial void Output(ILogger logger, string agentId, string stream, string line);

    [LoggerMessage(101, LogLevel.Information, "Agent {AgentId} started as process {Pid}: {CommandLine}")]
    public static partial void Started(ILogger logger, string agentId, int pid, string commandLine);

    [LoggerMessage(102, LogLevel.Warning, "Agent {AgentId} (process {Pid}) exited with code {ExitCode}; restart {Restart} of {MaxRestarts} in {Window} after {Backoff}")]
    public static partial void Restarting(ILogger logger, string agentId, int pid, int exitCode, int restart, int maxRestarts, TimeSpan window, TimeSpan backoff);

    [LoggerMessage(103, LogLevel.Error, "Agent {AgentId} (process {Pid}) exited with code {ExitCode} after {Restarts} restarts within {Window}: given up, not started again")]
    public static partial void GaveUp(ILogger logger, string agentId, int pid, int exitCode, int restarts, TimeSpan window);

    [LoggerMessage(104, LogLevel.Information, "Agent {AgentId} (process {Pid}) exited with code 0; not restarted")]
    public static partial void ExitedCleanly(ILogger logger, string agentId, int pid);

    [LoggerMessage(105, LogLevel.Error, "Agent {AgentId} could not be started ({FileName})")]
    public static partial void StartFailed(ILogger logger, Exception exception, string agentId, string fileName);

    [LoggerMessage(106, LogLevel.Information, "Agent {AgentId} (process {Pid}): sent SIGTERM to its process group, SIGKILL in {Grace}")]
    public static partial void Terminating(ILogger logger, string agentId, int pid, TimeSpan grace);

    [LoggerMessage(107, LogLevel.Warning, "Agent {AgentId} (process {Pid}) ignored SIGTERM for {Grace}: sent SIGKILL to its process group")]
    public static partial void Killed(ILogger logger, string agentId, int pid, TimeSpan grace);

    [LoggerMessage(108, LogLevel.Information, "Agent {AgentId} (process {Pid}) stopped with code {ExitCode}")]
    public static partial void Stopped(ILogger logger, string agentId, int pid, int exitCode);

    [LoggerMessage(109, LogLevel.Information, "Spawner: starting {Count} local agents for hub {HubAddress}: {AgentIds}")]
    public static partial void Starting(ILogger logger, int count, string hubAddress, string agentIds);

    [LoggerMessage(110, LogLevel.Warning, "Spawner: setsid not found; agents share the hub's process group and only the agent process itself is signalled at stop")]
    public static partial void NoProcessGroups(ILogger logger);

    [LoggerMessage(111, LogLevel.Information, "Spawner: all {Count} agents stopped")]
    public static partial void AllStopped(ILogger logger, int count);

    [LoggerMessage(112, LogLevel.Error, "Spawner: the actor of agent {AgentId} failed; restarting it (its process group was killed)")]
    public static partial void ChildFailed(ILogger logger, Exception exception, string agentId);

    [LoggerMessage(113, LogLevel.Warning, "Agent {AgentId} (pid {Pid}) died with its PR command still running; stopped process group(s) {Groups} so the PR's next owner works alone")]
    public static partial void OrphanedCommandsStopped(ILogger logger, string agentId, int pid, string groups);

    [LoggerMessage(114, LogLevel.Warning, "Agent {AgentId} (pid {Pid}) died; could not look for a PR command it left running: {Reason}")]
    public static partial void OrphanedCommandsUnknown(ILogger logger, string agentId, int pid, string reason);

    [LoggerMessage(115, LogLevel.Warning, "Agent {AgentId}: stopped process(es) {Pids} of the same agent left running by a hub that was killed, before starting it again")]
    public static partial void LeftoverAgentsStopped(ILogger logger, string agentId, string pids);
}
