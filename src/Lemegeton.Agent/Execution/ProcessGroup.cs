using System.Runtime.InteropServices;

namespace Lemegeton.Agent.Execution;

/// <summary>Signals to a whole process group (the command and everything it started), which .NET does not expose.</summary>
internal static partial class ProcessGroup
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>Sends <paramref name="signal"/> to every process of the group led by <paramref name="leaderPid"/>; false when none is left.</summary>
    public static bool Signal(int leaderPid, int signal) => leaderPid > 0 && kill(-leaderPid, signal) == 0;

    /// <summary>True while any process of the group exists (zombies included until reaped).</summary>
    public static bool Exists(int leaderPid) => leaderPid > 0 && kill(-leaderPid, 0) == 0;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
