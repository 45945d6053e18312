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
        // Several test projects run at once: the hub's Akka node binds a free port, never 4053.
        Directory.CreateDirectory(Paths.StateDirectory);
        File.WriteAllText(ConfigFile, "akka.remote.dot-netty.tcp.port = 0\n");
    }

    /// <summary><c>.lemegeton/lemegeton.conf</c>; tests append their settings.</summary>
    public string ConfigFile => Path.Combine(Paths.StateDirectory, "lemegeton.conf");

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
        // A killed hub leaves its embedded redis-server running (the next hub adopts it); stop it.
        var redis = Path.Combine(Paths.StateDirectory, "redis", "server.json");
        if (File.Exists(redis) && System.Text.Json.JsonDocument.Parse(File.ReadAllText(redis)).RootElement.TryGetProperty("pid", out var rp)
            && rp.TryGetInt32(out var redisPid))
        {
            try { Process.GetProcessById(redisPid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
        }
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
