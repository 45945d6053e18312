using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;
using Akka.Actor;
using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Node;
using Lemegeton.Hub.Tests.Actors;
using Lemegeton.Hub.Tests.Infrastructure;
using Lemegeton.Protocol.Security;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;
using Xunit.Abstractions;

namespace Lemegeton.Hub.Tests.Daemon;

/// <summary>
/// <c>lemegeton hub start</c> running the real hub node (actor system, journal, coordinator) as a process,
/// with agent nodes in the test process joining it at the address in <c>.lemegeton/hub.address</c>.
/// </summary>
[Trait("Category", "Slow")]
public sealed class HubNodeProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_invalid_task_list_stops_the_start_with_one_line_naming_file_and_line()
    {
        using var repo = new TempRepository();
        Directory.CreateDirectory(Path.Combine(repo.Root, "docs"));
        await File.WriteAllTextAsync(Path.Combine(repo.Root, TestCluster.TaskListPath), "# Tasks\n\n### PR-001: Broken\n---\npr_id: PR-001\ncold_state: sideways\n---\n");

        using var hub = await LemegetonProcess.RunAsync(repo.Root, "hub", "start", "--foreground");

        Assert.Equal(HubExitCodes.Failure, hub.ExitCode);
        var line = Assert.Single(hub.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("invalid task list: ", line);
        Assert.Contains("task-list.md:", line);
        Assert.DoesNotContain("   at ", hub.Error);
        Assert.False(File.Exists(repo.Paths.PidFile));
    }

    [Fact]
    public async Task A_port_in_use_stops_the_start_naming_the_key()
    {
        using var repo = new TempRepository();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        using var hub = await LemegetonProcess.RunAsync(repo.Root, "hub", "start", "--foreground", "--set", $"akka.remote.dot-netty.tcp.port={port}");

        Assert.Equal(HubExitCodes.Failure, hub.ExitCode);
        var line = Assert.Single(hub.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"akka.remote.dot-netty.tcp.port: 127.0.0.1:{port} is already in use", line);
    }

    [Fact]
    public async Task Sigterm_with_only_idle_agents_exits_within_two_seconds()
    {
        using var repo = new TempRepository();
        using var hub = LemegetonProcess.Start(repo.Root, "hub", "start", "--foreground");
        await HubWait.ForStatusAsync(repo.Paths);
        var address = HubAddressFile.Read(repo.Paths);
        Assert.NotNull(address);
        Assert.StartsWith("akka.tcp://lemegeton@127.0.0.1:", address);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(HubAddressFile.PathOf(repo.Paths)));

        var reports = Channel.CreateUnbounded<object>();
        var agent = AgentNode.Start(address, out var proxy);
        try
        {
            agent.ActorOf(ScriptedAgent.Props(proxy, "idle-1", 0, m => reports.Writer.TryWrite(m), Secret(repo)), "agent");
            await Next<Welcome>(reports);
            var status = await HubWait.ForStatusAsync(repo.Paths, s => s.Counts.Agents == 1);
            Assert.Equal(0, status.Counts.WorkingAgents);

            var sent = Stopwatch.GetTimestamp();
            Assert.True(Posix.Signal(hub.Process.Id, Posix.SigTerm));
            await hub.WaitForExitAsync(TimeSpan.FromSeconds(2));
            output.WriteLine($"SIGTERM to exit, one idle agent: {Stopwatch.GetElapsedTime(sent).TotalMilliseconds:0} ms");

            Assert.Equal(0, hub.ExitCode);
            Assert.False(File.Exists(repo.Paths.PidFile));
            Assert.False(File.Exists(HubAddressFile.PathOf(repo.Paths)));
            Assert.Contains("Shutdown step wait for working agents", hub.Output);
            Assert.DoesNotContain("abandoned", hub.Output);
        }
        finally
        {
            await agent.Terminate();
        }
    }

    [Fact]
    public async Task A_hub_killed_mid_run_restarts_without_losing_or_repeating_acknowledged_work()
    {
        using var repo = new TempRepository();
        var prs = new[] { TestTaskLists.Id(1), TestTaskLists.Id(2), TestTaskLists.Id(3) };
        Directory.CreateDirectory(Path.Combine(repo.Root, "docs"));
        await File.WriteAllTextAsync(Path.Combine(repo.Root, TestCluster.TaskListPath), TestTaskLists.Build(3, _ => []));
        await Git(repo.Root, "add", TestCluster.TaskListPath);
        await Git(repo.Root, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "Task list");
        await File.AppendAllTextAsync(repo.ConfigFile, "lemegeton.coordination.heartbeat-interval = 200ms\n");
        var initialCommits = await CommitCount(repo.Root);

        // First run: two PRs completed and acknowledged, the third assigned and held.
        var first = LemegetonProcess.Start(repo.Root, "hub", "start", "--foreground");
        var acknowledged = new List<string>();
        long heldToken;
        string heldPr;
        try
        {
            await HubWait.ForStatusAsync(repo.Paths);
            var reports = Channel.CreateUnbounded<object>();
            var agent = AgentNode.Start(HubAddressFile.Read(repo.Paths)!, out var proxy);
            try
            {
                agent.ActorOf(ScriptedAgent.Props(proxy, "worker-1", 2, m => reports.Writer.TryWrite(m), Secret(repo)), "agent");
                var assigned = new List<AssignPr>();
                while (assigned.Count < 3 || acknowledged.Count < 2)
                {
                    switch (await Next<object>(reports))
                    {
                        case AssignPr a: assigned.Add(a); break;
                        case ScriptedAgent.Acknowledged k: acknowledged.Add(k.PrId); break;
                        case Lemegeton.Protocol.Errors.ProtocolError e: Assert.Fail($"{e.Code}: {e.Message}"); break;
                    }
                }

                heldPr = assigned[2].PrId;
                heldToken = assigned[2].FencingToken;
                Assert.Equal(3, assigned.Select(a => a.PrId).Distinct().Count());
                Assert.True(assigned.Max(a => a.FencingToken) == heldToken);
                // Both cold transitions are in git before the kill (each is committed after it is journaled).
                await Until(async () => await CommitCount(repo.Root) == initialCommits + 2);
                first.Process.Kill(); // SIGKILL
                await first.WaitForExitAsync();
            }
            finally
            {
                await agent.Terminate();
            }
        }
        finally
        {
            first.Dispose();
        }

        // Second run: the acknowledged completions are there, the held PR is handed out again above the old tokens.
        using var second = LemegetonProcess.Start(repo.Root, "hub", "start", "--foreground");
        await HubWait.ForStatusAsync(repo.Paths);
        Assert.Contains("Replaced a stale PID file", second.Output);
        var reports2 = Channel.CreateUnbounded<object>();
        var agent2 = AgentNode.Start(HubAddressFile.Read(repo.Paths)!, out var proxy2);
        try
        {
            agent2.ActorOf(ScriptedAgent.Props(proxy2, "worker-1", 10, m => reports2.Writer.TryWrite(m), Secret(repo)), "agent");
            var again = await Next<AssignPr>(reports2);
            Assert.Equal(heldPr, again.PrId);
            Assert.True(again.FencingToken > heldToken, $"token {again.FencingToken} after {heldToken}");
            Assert.Equal(heldPr, (await Next<ScriptedAgent.Acknowledged>(reports2)).PrId);
            await Until(async () => await CommitCount(repo.Root) == initialCommits + 3);

            using var client = new HubAdminClient(repo.Paths.AdminSocket);
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "v1/prs"));
            using var states = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.All(states.RootElement.EnumerateArray(), p => Assert.Equal("completed", p.GetProperty("coldState").GetString()));
            // Nothing else was assigned in the second run: no PR completes twice.
            while (reports2.Reader.TryRead(out var extra)) Assert.False(extra is AssignPr, $"assigned again: {(extra as AssignPr)?.PrId}");
            var list = await GitOutput(repo.Root, "show", "HEAD:" + TestCluster.TaskListPath);
            Assert.Equal(3, list.Split("cold_state: completed").Length - 1);
            Assert.Equal(prs.Order(), acknowledged.Append(heldPr).Order());
        }
        finally
        {
            await agent2.Terminate();
        }

        Assert.True(Posix.Signal(second.Process.Id, Posix.SigTerm));
        await second.WaitForExitAsync();
        Assert.Equal(0, second.ExitCode);
    }

    private static async Task<T> Next<T>(Channel<object> reports)
    {
        using var cts = new CancellationTokenSource(Patience);
        while (true)
        {
            var m = await reports.Reader.ReadAsync(cts.Token);
            if (m is T t) return t;
        }
    }

    // An outside process's state (git) gives no signal: poll it within a generous bound.
    private static async Task Until(Func<Task<bool>> condition)
    {
        using var cts = new CancellationTokenSource(Patience);
        while (!await condition()) await Task.Delay(50, cts.Token);
    }

    private static async Task<int> CommitCount(string root) => int.Parse((await GitOutput(root, "rev-list", "--count", "HEAD")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task Git(string root, params string[] args) => await GitOutput(root, args);

    private static async Task<string> GitOutput(string root, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var git = Process.Start(psi)!;
        var text = await git.StandardOutput.ReadToEndAsync();
        await git.WaitForExitAsync();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {await git.StandardError.ReadToEndAsync()}");
        return text;
    }

    /// <summary>The secret the hub created at start, which agents must prove.</summary>
    private static ClusterSecret Secret(TempRepository repo) => ClusterSecret.Load(ClusterSecret.PathIn(repo.Paths.StateDirectory));
}
