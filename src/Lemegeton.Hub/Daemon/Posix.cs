using System.Runtime.InteropServices;

namespace Lemegeton.Hub.Daemon;

/// <summary>The few libc calls the daemon needs that .NET does not expose.</summary>
internal static partial class Posix
{
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigHup = 1;
    public const int SigInt = 2;

    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Sends a signal; false when the process does not exist or is not ours.</summary>
    public static bool Signal(int pid, int signal) => kill(pid, signal) == 0;

    /// <summary>True while a process with this id exists and has not exited (a zombie, exited but not yet reaped, counts as gone).</summary>
    public static bool IsAlive(int pid)
    {
        if (pid <= 0 || kill(pid, 0) != 0) return false;
        try
        {
            // /proc/{pid}/stat: "pid (comm) S …"; the state follows the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            return close < 0 || close + 2 >= stat.Length || stat[close + 2] is not ('Z' or 'X');
        }
        catch (IOException) { return true; }
        catch (UnauthorizedAccessException) { return true; }
    }

    /// <summary>The command line of a process (Linux /proc), or null when it cannot be read.</summary>
    public static string? CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim(); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>Leaves the terminal's session and process group (setsid) and reads standard input from /dev/null.</summary>
    public static void DetachFromTerminal()
    {
        setsid(); // fails only when already a group leader, which a freshly started child is not
        using var devNull = new FileStream("/dev/null", FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        dup2((int)devNull.SafeFileHandle.DangerousGetHandle(), 0);
    }

    /// <summary>Points standard output and error at <paramref name="consoleFile"/> (appended, mode 0600), for the runtime's own crash reports.</summary>
    public static void RedirectOutput(string consoleFile)
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite | FileShare.Delete, UnixCreateMode = PrivateFile };
        using (var file = new FileStream(consoleFile, options))
        {
            var fd = (int)file.SafeFileHandle.DangerousGetHandle();
            dup2(fd, 1);
            dup2(fd, 2);
        }
        // Console caches a duplicate of the old descriptors: reopen it over the new ones.
        Console.SetOut(new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true });
        Console.SetError(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true });
    }

    /// <summary>Creates a folder only the owner can enter (0700), tightening it when it exists.</summary>
    public static void CreatePrivateDirectory(string path)
    {
        Directory.CreateDirectory(path, PrivateDirectory);
        File.SetUnixFileMode(path, PrivateDirectory);
    }

    /// <summary>Ends the process at once, without running finalizers or shutdown handlers.</summary>
    public static void ExitImmediately(int code) => _exit(code);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setsid();

    [LibraryImport("libc", SetLastError = true)]
    private static partial int dup2(int oldFd, int newFd);

    [LibraryImport("libc")]
    private static partial void _exit(int code);
}
