using System.Runtime.InteropServices;

namespace Lemegeton.Storage.Redis;

/// <summary>Private files and directories (0600 / 0700) and POSIX signals, for the embedded server.</summary>
internal static class UnixFiles
{
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) { Directory.CreateDirectory(path); return; }
        Directory.CreateDirectory(path, PrivateDirectory);
        File.SetUnixFileMode(path, PrivateDirectory);
    }

    /// <summary>Writes a file that only the owner can read, without a moment where it is readable by others.</summary>
    public static void WritePrivateFile(string path, string contents)
    {
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = PrivateFile;
        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(contents);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, PrivateFile);
        File.Move(temp, path, overwrite: true);
    }

    public const int SigTerm = 15;

    /// <summary>Sends a signal; false when the process does not exist or is not ours.</summary>
    public static bool Signal(int pid, int signal) => !OperatingSystem.IsWindows() && kill(pid, signal) == 0;

    /// <summary>True when a process with this id exists (signal 0 probes without delivering).</summary>
    public static bool IsAlive(int pid) => !OperatingSystem.IsWindows() && kill(pid, 0) == 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
