using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Lemegeton.Cli.Commands;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Daemon;
using Lemegeton.Storage.Redis;
using StackExchange.Redis;

namespace Lemegeton.Hub.Tests.Infrastructure;

/// <summary>
/// A real fleet: a temp git repository with a task list, a private redis-server on a Unix socket, and
/// <c>lemegeton hub start --foreground --agents worker:N --exec …</c> as a process whose spawner runs N
/// <c>lemegeton agent</c> processes. Seen from outside only: the admin API, the Redis journal, git, /proc.
/// </summary>
public sealed class AgentFleet : IAsyncDisposable
{
    public const string Project = "fleet";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly string[] _hubArguments;
    private readonly DirectoryInfo _redisDirectory;

    private AgentFleet(TempRepository repository, RedisServerProcess redis, DirectoryInfo redisDirectory, string[] hubArguments)
    {
        Repository = repository;
        Redis = redis;
        _redisDirectory = redisDirectory;
        _hubArguments = hubArguments;
    }

    public TempRepository Repository { get; }

    public string Root => Repository.Root;

    public RedisServerProcess Redis { get; }

    /// <summary>The running hub process (a new one after <see cref="RestartHubAsync"/>).</summary>
    public LemegetonProcess Hub { get; private set; } = null!;

    /// <summary>Every hub process started, for the failure messages.</summary>
    public List<LemegetonProcess> Hubs { get; } = [];

    /// <summary>
    /// <c>&lt;dotnet&gt; &lt;lemegeton.dll&gt; fake-coder …</c>, quoted for the shell: the command template of this build's fake coder.
    /// </summary>
    public static string FakeCoder(string options = "") =>
        $"'{Environment.ProcessPath ?? "dotnet"}' '{Path.Combine(AppContext.BaseDirectory, "lemegeton.dll")}' fake-coder {options}".TrimEnd();

    /// <summary>Creates the repository with <paramref name="taskList"/> committed, starts redis-server and the hub with <paramref name="agents"/> workers (and <paramref name="hubOptions"/>).</summary>
    public static async Task<AgentFleet> StartAsync(string taskList, int agents, string exec, params string[] hubOptions)
    {
        var repository = new TempRepository();
        DemoRepository.Create(repository.Root, taskList);
        // A short path: the socket's must stay under 108 bytes.
        var redisDirectory = Directory.CreateTempSubdirectory("lmg-r-");
        var password = "fleet-" + Guid.NewGuid().ToString("N");
        var redis = await RedisServerProcess.StartAsync(
            new RedisServerOptions { Directory = redisDirectory.FullName, Password = password, UnixSocket = Path.Combine(redisDirectory.FullName, "redis.sock") },
            TimeProvider.System);
        string[] arguments =
        [
            "hub", "start", "--foreground", "--agents", $"worker:{agents}", "--exec", exec,
            "--set", $"lemegeton.redis.url=unix://:{password}@{redis.UnixSocket}",
            "--set", $"lemegeton.redis.project={Project}",
            .. hubOptions,
        ];
        var fleet = new AgentFleet(repository, redis, redisDirectory, arguments);
        await fleet.StartHubAsync();
        return fleet;
    }

    /// <summary>Starts the hub and waits until its admin API answers.</summary>
    public async Task StartHubAsync()
    {
        Hub = LemegetonProcess.Start(Root, _hubArguments);
        Hubs.Add(Hub);
        await HubWait.ForStatusAsync(Repository.Paths);
    }

    /// <summary>Stops the hub (SIGKILL, or SIGTERM and a clean exit) and starts it again on the same repository and Redis.</summary>
    public async Task RestartHubAsync(bool kill)
    {
        Assert.True(Posix.Signal(Hub.Process.Id, kill ? Posix.SigKill : Posix.SigTerm));
        await Hub.WaitForExitAsync();
        if (!kill) Assert.True(Hub.ExitCode == 0, $"the hub exited {Hub.ExitCode}: {Hub.Error}");
        await StartHubAsync();
    }

    /// <summary><c>GET /v1/prs</c>; empty while the coordinator is not up (503).</summary>
    public async Task<IReadOnlyList<PrView>> PrsAsync()
    {
        using var client = new HubAdminClient(Repository.Paths.AdminSocket, TimeSpan.FromSeconds(10));
        try
        {
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "v1/prs"));
            if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable) return [];
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<List<PrView>>(Web) ?? [];
        }
        catch (HttpRequestException) { return []; } // the hub is between processes
    }

    /// <summary>Polls <c>/v1/prs</c> until <paramref name="until"/> holds; fails naming <paramref name="what"/> and the last answer.</summary>
    public async Task<IReadOnlyList<PrView>> UntilPrsAsync(string what, Func<IReadOnlyList<PrView>, bool> until, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<PrView> last = [];
        while (clock.Elapsed < patience)
        {
            last = await PrsAsync();
            if (last.Count > 0 && until(last)) return last;
            if (Hub.Process.HasExited) Assert.Fail($"the hub exited ({Hub.Process.ExitCode}) waiting for {what}: {Hub.Error}\n{Tail(Hub.Output)}");
            await Task.Delay(100);
        }
        Assert.Fail($"{what}: not within {patience.TotalSeconds:0} s; PRs: {string.Join(", ", last.Select(p => $"{p.Id}={p.ColdState}/{p.HotState}@{p.AgentId}"))}\nhub output tail:\n{Tail(Hub.Output)}");
        return last;
    }

    /// <summary>The coordinator's journal as Redis holds it: (manifest without its prefix, JSON payload) in order.</summary>
    public async Task<IReadOnlyList<(string Event, JsonElement Payload)>> JournalAsync()
    {
        using var mux = await ConnectionMultiplexer.ConnectAsync(Redis.Connection.ToConfigurationOptions("fleet-test"));
        var key = $"lemegeton:{{{Project}}}:journal:lemegeton-hub-coordinator";
        var entries = await mux.GetDatabase().StreamRangeAsync(key);
        if (entries.Length == 0)
        {
            var keys = mux.GetServers().SelectMany(s => s.Keys(pattern: "*")).Select(k => (string)k!);
            Assert.Fail($"no journal in Redis at {key}; keys: {string.Join(", ", keys)}");
        }
        return [.. entries.Select(e =>
        {
            var manifest = (string)e["m"]!;
            return (manifest["lemegeton.v1.event.".Length..], JsonDocument.Parse((byte[])e["p"]!).RootElement.Clone());
        })];
    }

    /// <summary>The journaled <c>PrTransitioned</c> events as (PR, from, to).</summary>
    public async Task<IReadOnlyList<(string PrId, string From, string To)>> TransitionsAsync() =>
        [.. (await JournalAsync()).Where(e => e.Event == "PrTransitioned")
            .Select(e => (e.Payload.GetProperty("prId").GetString()!, e.Payload.GetProperty("from").GetString()!, e.Payload.GetProperty("to").GetString()!))];

    /// <summary>Commits reachable from HEAD, oldest first, as (sha, subject).</summary>
    public IReadOnlyList<(string Sha, string Subject)> Commits() =>
        [.. Git("log", "--reverse", "--format=%H %s").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (l[..40], l[41..]))];

    public string Git(params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var git = Process.Start(psi)!;
        var text = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {git.StandardError.ReadToEnd()}");
        return text;
    }

    /// <summary>PIDs of the <c>lemegeton agent</c> processes running in this repository, by agent id (one each, see <see cref="AllAgentProcesses"/>).</summary>
    public IReadOnlyDictionary<string, int> AgentProcesses() =>
        AllAgentProcesses().GroupBy(a => a.AgentId).ToDictionary(g => g.Key, g => g.First().Pid, StringComparer.Ordinal);

    /// <summary>Every live <c>lemegeton agent … --id ID</c> process whose working directory is this repository (Linux /proc).</summary>
    public IReadOnlyList<(string AgentId, int Pid)> AllAgentProcesses()
    {
        var found = new List<(string, int)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var id = Array.IndexOf(args, "--id");
                if (Array.IndexOf(args, "agent") < 0 || id < 0 || id + 1 >= args.Length || args[0].EndsWith("setsid", StringComparison.Ordinal)) continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z')) continue;
                var cwd = new DirectoryInfo(Path.Combine(dir, "cwd")).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                if (cwd is not null && cwd.TrimEnd('/') == Root.TrimEnd('/')) found.Add((args[id + 1], pid));
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    public static string Tail(string text, int lines = 15) =>
        string.Join('\n', text.Split('\n').TakeLast(lines).Select(l => l.Length > 300 ? l[..300] + "…" : l));

    public async ValueTask DisposeAsync()
    {
        if (!Hub.Process.HasExited)
        {
            Posix.Signal(Hub.Process.Id, Posix.SigTerm);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await Hub.Process.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException) { }
        }
        foreach (var hub in Hubs) hub.Dispose();
        // Agents a killed hub left behind.
        foreach (var (_, pid) in AllAgentProcesses()) Posix.Signal(pid, Posix.SigKill);
        Redis.Kill();
        Repository.Dispose();
        try { _redisDirectory.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
