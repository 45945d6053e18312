using Lemegeton.Hub.Daemon;

namespace Lemegeton.Hub.Spawner;

/// <summary>
/// Runs each agent in a process group of its own, so that the tools it starts are stopped with it.
/// .NET cannot ask for a new group itself; <c>setsid</c> (util-linux) does it without forking when the
/// caller is not a group leader, which a freshly started child is not, so the group id is the agent's PID.
/// </summary>
internal static class AgentProcessGroup
{
    private static readonly string? SetSid = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);

    /// <summary>True when agents get a group of their own (setsid found).</summary>
    public static bool Supported => SetSid is not null;

    /// <summary>The command line that runs <paramref name="command"/> as the leader of a new group.</summary>
    public static AgentCommandLine Wrap(AgentCommandLine command) =>
        SetSid is null ? command : new AgentCommandLine(SetSid, [command.FileName, .. command.Arguments]);

    /// <summary>Signals the group led by <paramref name="pid"/>; the process alone when it leads no group. False when nothing was signalled.</summary>
    public static bool Signal(int pid, int signal) => Posix.Signal(-pid, signal) || Posix.Signal(pid, signal);
}
