using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Lemegeton.Agent.Tests.Infrastructure;

internal static partial class Posix
{
    public const int SigTerm = 15;

    public static void Kill(this Process process, int signal) => kill(process.Id, signal);

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        if (kill(pid, 0) != 0) return false;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            return stat[close + 2] is not ('Z' or 'X');
        }
        catch (IOException) { return false; }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
