using System.Diagnostics;
using Lemegeton.Hub.Daemon;

namespace Lemegeton.Hub.Tests.Infrastructure;

/// <summary>A fresh git repository in a temp folder; stops any hub still running in it and removes it afterwards.</summary>
public sealed class TempRepository : IDisposable
{
    public TempRepository()
    {
        Root = Directory.CreateTempSubdirectory("lmg-hub-").FullName;
        using var git = Process.Start(new ProcessStartInfo("git", ["init", "-q", Root]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        Paths = new HubPaths(Root);
    }

    public string Root { get; }

    public HubPaths Paths { get; }

    public string LogDirectory => Path.Combine(Root, ".lemegeton", "logs");

    public void Dispose()
    {
        // A test that failed half-way must not leave a hub behind.
        if (HubInstanceLock.RunningPid(Paths) is { } pid && pid != Environment.ProcessId)
        {
            try { Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
        }
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
