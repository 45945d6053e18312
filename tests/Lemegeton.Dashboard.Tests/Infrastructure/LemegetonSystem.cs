using System.Globalization;
using System.Text.Json;
using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Daemon;

namespace Lemegeton.Dashboard.Tests.Infrastructure;

/// <summary>
/// A repository in a temp folder where the test runs real hub, gateway and agent processes; whatever
/// happens in the test, disposing stops them (<c>lemegeton stop</c>, then SIGKILL for every process
/// still running in the folder, its hub, gateway and embedded redis-server) and removes the folder.
/// </summary>
public sealed class LemegetonSystem : IAsyncDisposable
{
    /// <summary>The test's own ports: the hub's Akka node and the dashboard pick free ones (never 4053 or 7420).</summary>
    public static readonly string[] FreePorts = ["--set", "akka.remote.dot-netty.tcp.port=0", "--set", "lemegeton.gateway.port=0"];

    private LemegetonSystem(string root) => Root = root;

    /// <summary>The repository (short, under /tmp: the sockets' paths must stay under 108 bytes).</summary>
    public string Root { get; }

    public HubPaths Hub => new(Root);

    /// <summary>A new folder name that does not exist yet (for <c>demo --dir</c>).</summary>
    public static LemegetonSystem InNewFolder() =>
        new(Path.Combine(Path.GetTempPath(), "lmg-dash-" + Guid.NewGuid().ToString("N")[..8]));

    /// <summary>Runs <c>lemegeton args… --set (free ports)</c> in the repository to completion.</summary>
    public Task<(int ExitCode, string Output)> RunAsync(TimeSpan bound, params string[] args) =>
        LemegetonProcess.RunAsync(Root, bound, [.. args, .. FreePorts]);

    /// <summary>The hub's PR states from its admin API (<c>/v1/prs</c> over <c>.lemegeton/hub.sock</c>): id → cold state.</summary>
    public async Task<Dictionary<string, string>> PrStatesAsync()
    {
        using var client = new HubAdminClient(Hub.AdminSocket, TimeSpan.FromSeconds(10));
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "v1/prs"));
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("coldState").GetString()!);
    }

    /// <summary>The hub's PID from <c>.lemegeton/hub.pid</c>, or null.</summary>
    public int? HubPid => ReadPid(Hub.PidFile);

    public async ValueTask DisposeAsync()
    {
        if (!Directory.Exists(Root)) return;
        try
        {
            await RunAsync(TimeSpan.FromSeconds(60), "stop");
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
        }
        // Whatever did not stop: the hub, the gateway, agents and their commands (all run in the folder), redis.
        foreach (var pid in new[] { HubPid, ReadPid(Path.Combine(Hub.StateDirectory, "gateway.pid")), RedisPid() }.OfType<int>().Where(IsOurs).Concat(ProcessesIn(Root)))
            Kill(pid);
        for (var attempt = 0; attempt < 5 && Directory.Exists(Root); attempt++)
        {
            try { Directory.Delete(Root, recursive: true); }
            catch (IOException) { await Task.Delay(200); }
            catch (UnauthorizedAccessException) { await Task.Delay(200); }
        }
    }

    private int? RedisPid()
    {
        var file = Path.Combine(Hub.StateDirectory, "redis", "server.json");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            return doc.RootElement.TryGetProperty("pid", out var pid) && pid.TryGetInt32(out var value) ? value : null;
        }
        catch (Exception e) when (e is IOException or JsonException) { return null; }
    }

    private static int? ReadPid(string file)
    {
        try { return int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null; }
        catch (IOException) { return null; }
    }

    /// <summary>A PID from a file is killed only while it still runs lemegeton or redis-server (a stale PID may belong to anyone).</summary>
    private static bool IsOurs(int pid)
    {
        try
        {
            var cmdline = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline");
            return cmdline.Contains("lemegeton", StringComparison.Ordinal) || cmdline.Contains("redis-server", StringComparison.Ordinal);
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>Processes whose working directory is <paramref name="root"/> or below it (Linux /proc).</summary>
    private static IEnumerable<int> ProcessesIn(string root)
    {
        var prefix = Path.GetFullPath(root).TrimEnd('/');
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId) continue;
            string? cwd;
            try { cwd = new DirectoryInfo(Path.Combine(dir, "cwd")).ResolveLinkTarget(returnFinalTarget: true)?.FullName; }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            if (cwd is not null && (cwd == prefix || cwd.StartsWith(prefix + "/", StringComparison.Ordinal))) yield return pid;
        }
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException) { }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
    }
}
