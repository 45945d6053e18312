using System.Text.Json;
using Akka.Actor;
using Lemegeton.Cli.Tests.Infrastructure;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;
using AgentTypes = Lemegeton.Core.Scheduling.AgentTypes;

namespace Lemegeton.Cli.Tests.Commands;

/// <summary>
/// Every operator command against a real hub (in-process daemon + coordinator, over the real admin
/// socket), as a table and as JSON, with its exit codes.
/// </summary>
[Trait("Category", "Slow")]
public sealed class OperatorCommandsTests
{
    private static readonly TimeSpan Patience = InProcessHub.Patience;

    /// <summary>PR-001 and PR-002 share src/a.cs; PR-003 waits for PR-001; PR-004 is completed (needs a qc agent).</summary>
    internal static string TaskList() => "# Task List for operator tests\n\n## Block 1: Work\n\n"
        + Pr("PR-001", "ready", "[]", "src/a.cs", "high")
        + Pr("PR-002", "ready", "[]", "src/a.cs", "medium")
        + Pr("PR-003", "new", "[PR-001]", "src/c.cs", "medium")
        + Pr("PR-004", "completed", "[]", "src/d.cs", "medium");

    private static string Pr(string id, string state, string deps, string file, string priority) => $"""
        ### {id}: Change {id}
        ---
        pr_id: {id}
        title: Change {id}
        cold_state: {state}
        priority: {priority}
        complexity:
          score: 3
          estimated_minutes: 30
          suggested_model: haiku
          rationale: small change
        dependencies: {deps}
        estimated_files:
          - path: {file}
            action: modify
            description: code
        ---

        Change {id}.


        """;

    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Error}");
        using var doc = JsonDocument.Parse(run.Output);
        return doc.RootElement.Clone();
    }

    private static void Fails(CliRun run, int code, string message)
    {
        Assert.True(run.ExitCode == code, $"expected exit {code}, got {run.ExitCode}: {run.Output} {run.Error}");
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public async Task Every_command_reads_and_acts_on_a_real_hub_in_table_and_json_form()
    {
        await using var hub = await InProcessHub.StartAsync(TaskList());
        var agent = hub.Kit.CreateTestProbe("w1");
        agent.Send(hub.Proxy, new RegisterAgent("r1", 1, "w1", AgentTypes.Worker, "sonnet", 10));
        var welcome = agent.ExpectMsg<Welcome>(Patience);
        var session = agent.LastSender;
        var work = agent.ExpectMsg<AssignPr>(Patience);
        Assert.Equal("PR-001", work.PrId);
        session.Tell(new AcquireLeases("l1", work.PrId, work.Files), agent.Ref);
        agent.ExpectMsg<LeasesGranted>(Patience);

        // status
        var status = Json(hub.Cli("status", "--json"));
        var coordinator = status.GetProperty("coordinator");
        Assert.Equal("running", status.GetProperty("state").GetString());
        Assert.Equal(1, coordinator.GetProperty("agents").GetInt32());
        Assert.Equal(1, coordinator.GetProperty("leases").GetInt32());
        Assert.False(coordinator.GetProperty("paused").GetBoolean());
        var byState = coordinator.GetProperty("prsByState");
        Assert.Equal((1, 1, 1, 1), (byState.GetProperty("in-progress").GetInt32(), byState.GetProperty("ready").GetInt32(),
            byState.GetProperty("new").GetInt32(), byState.GetProperty("completed").GetInt32()));
        var table = hub.Cli("status");
        Assert.Equal(0, table.ExitCode);
        // The test hub has no Redis: the coordinator is isolated from its first moment.
        Assert.Contains("mode:       isolated", table.Output);
        Assert.Contains("agents:     1 (1 working)", table.Output);
        Assert.Contains("in-progress", table.Output);
        var watch = hub.Cli("status", "--watch", "--interval", "0.05", "--watch-limit", "2");
        Assert.Equal(0, watch.ExitCode);
        Assert.Equal(2, watch.Output.Split("agents:     1").Length - 1);

        // agents
        var agents = Json(hub.Cli("agents", "list", "--json"));
        var only = Assert.Single(agents.EnumerateArray());
        Assert.Equal(("w1", welcome.SessionId), (only.GetProperty("agentId").GetString(), only.GetProperty("sessionId").GetString()));
        Assert.Contains("w1", hub.Cli("agents", "list").Output);
        var show = Json(hub.Cli("agents", "show", "w1", "--json"));
        Assert.Equal(["src/a.cs"], show.GetProperty("leases").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("leases:   src/a.cs", hub.Cli("agents", "show", "w1").Output);
        Fails(hub.Cli("agents", "show", "nobody"), 4, "no agent nobody is registered");

        // prs
        var prs = Json(hub.Cli("prs", "list", "--json"));
        Assert.Equal(4, prs.GetArrayLength());
        var ready = Json(hub.Cli("prs", "list", "--state", "ready", "--json"));
        Assert.Equal("PR-002", Assert.Single(ready.EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains("PR-003", hub.Cli("prs", "list").Output);
        var pr = Json(hub.Cli("prs", "show", "PR-001", "--json"));
        Assert.Equal(("in-progress", "w1", work.FencingToken), (pr.GetProperty("hotState").GetString(), pr.GetProperty("agentId").GetString(), pr.GetProperty("fencingToken").GetInt64()));
        Assert.Contains("PR-001: ready / in-progress", hub.Cli("prs", "show", "PR-001").Output);
        Fails(hub.Cli("prs", "show", "PR-999"), 4, "no PR PR-999");

        // why
        var conflict = Json(hub.Cli("prs", "why", "PR-002", "--json"));
        var reasons = conflict.GetProperty("reasons").EnumerateArray().ToList();
        Assert.Contains(reasons, r => r.GetProperty("code").GetString() == "file-conflict" && r.GetProperty("prId").GetString() == "PR-001" && r.GetProperty("path").GetString() == "src/a.cs");
        Assert.Contains("conflicts with PR-001 (running on w1) on src/a.cs", hub.Cli("prs", "why", "PR-002").Output);
        Assert.Contains("waiting for dependency PR-001 (in-progress, w1 is on it)", hub.Cli("prs", "why", "PR-003").Output);
        Assert.Contains("no qc or review agent is registered", hub.Cli("prs", "why", "PR-004").Output);
        Assert.Contains("already running: w1 is working on it", hub.Cli("prs", "why", "PR-001").Output);
        Fails(hub.Cli("prs", "why", "PR-999"), 4, "no PR PR-999");

        // leases
        var leases = Json(hub.Cli("leases", "list", "--json"));
        Assert.Equal(("src/a.cs", "w1", "PR-001"), (leases[0].GetProperty("path").GetString(), leases[0].GetProperty("agentId").GetString(), leases[0].GetProperty("prId").GetString()));
        Assert.Equal(1, Json(hub.Cli("leases", "list", "--agent", "w1", "--json")).GetArrayLength());
        Assert.Contains("src/a.cs", hub.Cli("leases", "list").Output);
        Fails(hub.Cli("leases", "list", "--agent", "nobody"), 4, "no agent nobody");

        // mode
        Assert.Equal("isolated", Json(hub.Cli("mode", "show", "--json")).GetProperty("mode").GetString());
        Assert.Contains("mode: isolated", hub.Cli("mode", "show").Output);
        var history = Json(hub.Cli("mode", "history", "--json"));
        Assert.Equal("isolated", history[history.GetArrayLength() - 1].GetProperty("mode").GetString());
        Assert.Equal("no Redis is configured (WORK_ISOLATED)", history[history.GetArrayLength() - 1].GetProperty("reason").GetString());
        Assert.Contains("no Redis is configured", hub.Cli("mode", "history").Output);

        // actors
        var tree = Json(hub.Cli("actors", "--json"));
        Assert.Equal("/user", tree.GetProperty("path").GetString());
        var manager = tree.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "coordinator");
        Assert.Equal("ClusterSingletonManager", manager.GetProperty("type").GetString());
        Assert.Equal("Oldest", manager.GetProperty("fsmState").GetString());
        var singleton = manager.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "coordinator");
        Assert.Equal("HubCoordinator", singleton.GetProperty("type").GetString());
        Assert.True(singleton.GetProperty("mailboxDepth").GetInt32() >= 0);
        Assert.Equal("agents", singleton.GetProperty("children")[0].GetProperty("name").GetString());
        var text = hub.Cli("actors", "/user/coordinator");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("HubCoordinator", text.Output);
        Assert.Contains("AgentSessionActor", text.Output);
        Fails(hub.Cli("actors", "/user/nothing"), 4, "no actor at /user/nothing");

        // cluster
        var clusterView = Json(hub.Cli("cluster", "show", "--json"));
        var member = Assert.Single(clusterView.GetProperty("members").EnumerateArray());
        Assert.Equal(["hub"], member.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Where(r => r != "dc-default"));
        Assert.True(member.GetProperty("holdsCoordinator").GetBoolean());
        Assert.Equal("Up", member.GetProperty("status").GetString());
        Assert.Equal(member.GetProperty("address").GetString(), clusterView.GetProperty("coordinatorNode").GetString());
        Assert.Contains("coordinator singleton on: akka.tcp://lemegeton@127.0.0.1:", hub.Cli("cluster", "show").Output);
        Fails(hub.Cli("cluster", "down", "akka.tcp://lemegeton@10.9.9.9:1"), 4, "is not a member");
        Fails(hub.Cli("cluster", "leave", "not-an-address"), 2, "not a cluster address");

        // log
        var log = hub.Cli("log", "tail", "--json");
        Assert.Equal(0, log.ExitCode);
        var entries = log.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Contains(entries, e => e.GetProperty("text").GetString()!.Contains("ready", StringComparison.OrdinalIgnoreCase));
        Assert.All(entries, e => Assert.NotNull(e.GetProperty("level").GetString()));
        Assert.Equal(0, hub.Cli("log", "tail", "--level", "critical").Output.Length);
        Assert.Equal(0, hub.Cli("log", "tail", "--pr", "PR-NOT-IN-LOG").Output.Length);
        Assert.NotEmpty(hub.Cli("log", "tail").Output);

        // scheduling pause / resume (persisted, shown in status and why)
        Assert.Contains("scheduling paused", hub.Cli("scheduling", "pause").Output);
        Assert.True(Json(hub.Cli("status", "--json")).GetProperty("coordinator").GetProperty("paused").GetBoolean());
        Assert.Contains("scheduling is paused", hub.Cli("prs", "why", "PR-002").Output);
        Assert.True(Json(hub.Cli("scheduling", "resume", "--json")).GetProperty("ok").GetBoolean());

        // requeue: the agent is told, the lease goes, the PR is assigned again (to the only idle worker)
        var requeue = hub.Cli("prs", "requeue", "PR-001");
        Assert.Equal(0, requeue.ExitCode);
        Assert.Contains("PR-001 taken back from w1", requeue.Output);
        Assert.Equal("PR-001", agent.FishForMessage<RevokePr>(_ => true, Patience).PrId);
        var again = agent.ExpectMsg<AssignPr>(Patience);
        Assert.True(again.FencingToken > work.FencingToken);
        Fails(hub.Cli("prs", "requeue", "PR-002"), 1, "PR-002 is not running");
        Fails(hub.Cli("prs", "requeue", "PR-999"), 4, "no PR PR-999");

        // force release
        session.Tell(new AcquireLeases("l2", again.PrId, again.Files), agent.Ref);
        agent.ExpectMsg<LeasesGranted>(Patience);
        var released = Json(hub.Cli("leases", "release", "src/a.cs", "--force", "--json"));
        Assert.Contains("released 1 lease(s): src/a.cs", released.GetProperty("message").GetString());
        Assert.Equal(0, Json(hub.Cli("leases", "list", "--json")).GetArrayLength());
        Fails(hub.Cli("leases", "release", "src/a.cs", "--force"), 4, "no lease is held on src/a.cs");
        Fails(hub.Cli("leases", "release", "src/a.cs"), 2, "add --force");
        Fails(hub.Cli("leases", "release", "--agent", "nobody", "--force"), 4, "no agent nobody");
        Assert.Contains("w1 holds no leases", hub.Cli("leases", "release", "--agent", "w1", "--force").Output);

        // transition: validated, journaled, committed to git
        var commits = InProcessHub.Git(hub.Root, "rev-list", "--count", "HEAD").Trim();
        var moved = hub.Cli("prs", "transition", "PR-002", "blocked", "--reason", "waiting for the API freeze");
        Assert.True(moved.ExitCode == 0, moved.Error);
        Assert.Contains("PR-002: ready → blocked", moved.Output);
        Assert.Equal("blocked", Json(hub.Cli("prs", "show", "PR-002", "--json")).GetProperty("coldState").GetString());
        await AwaitCommit(hub, commits);
        Assert.Contains("waiting for the API freeze", InProcessHub.Git(hub.Root, "log", "-1", "--format=%B"));
        Fails(hub.Cli("prs", "transition", "PR-004", "new", "--reason", "x"), 1, "");
        Fails(hub.Cli("prs", "transition", "PR-999", "ready", "--reason", "x"), 4, "no PR PR-999");
        Fails(hub.Cli("prs", "transition", "PR-002", "done", "--reason", "x"), 2, "");
        Fails(hub.Cli("prs", "transition", "PR-002", "ready"), 2, "--reason");

        // kick: the agent is told to shut down, its work handed back
        var kicked = Json(hub.Cli("agents", "kick", "w1", "--json"));
        Assert.Contains("handed back: PR-001", kicked.GetProperty("message").GetString());
        agent.FishForMessage<Shutdown>(_ => true, Patience);
        Assert.Equal(0, Json(hub.Cli("agents", "list", "--json")).GetArrayLength());
        Assert.False(Json(hub.Cli("prs", "show", "PR-001", "--json")).TryGetProperty("hotState", out _));
        Fails(hub.Cli("agents", "kick", "w1"), 4, "no agent w1");
    }

    private static async Task AwaitCommit(InProcessHub hub, string before)
    {
        var until = DateTime.UtcNow + Patience;
        while (InProcessHub.Git(hub.Root, "rev-list", "--count", "HEAD").Trim() == before)
        {
            Assert.True(DateTime.UtcNow < until, "the transition was not committed to git");
            await Task.Delay(50); // the git mirror commits asynchronously; nothing to await from here
        }
    }

    [Fact]
    public async Task Log_tail_follow_streams_new_entries_until_the_hub_stops()
    {
        var hub = await InProcessHub.StartAsync(TaskList());
        var output = new WatchedWriter();
        var follow = Task.Run(() => CliApp.Run(["log", "tail", "-f", "--json", "-n", "1"], output, new StringWriter(), new CliEnvironment(hub.Root)));
        await output.WaitFor("\n").WaitAsync(Patience); // the last entry: the follower is connected
        Assert.Equal(0, hub.Cli("scheduling", "pause").ExitCode); // logged by the hub after the follower connected
        await output.WaitFor("scheduling paused").WaitAsync(Patience);
        await hub.DisposeAsync(); // stopping the hub ends the stream
        Assert.Equal(0, await follow.WaitAsync(Patience));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => JsonDocument.Parse(l).Dispose());
        Assert.Contains(lines, l => l.Contains("Operator", StringComparison.Ordinal) && l.Contains("\"information\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_paused_hub_stays_paused_and_assigns_nothing_until_resumed()
    {
        await using var hub = await InProcessHub.StartAsync(TaskList());
        Assert.Equal(0, hub.Cli("scheduling", "pause").ExitCode);
        Assert.Contains("already paused", hub.Cli("scheduling", "pause").Output);
        var agent = hub.Kit.CreateTestProbe("w1");
        agent.Send(hub.Proxy, new RegisterAgent("r1", 1, "w1", AgentTypes.Worker, "sonnet", 10));
        agent.ExpectMsg<Welcome>(Patience);
        var why = Json(hub.Cli("prs", "why", "PR-001", "--json"));
        Assert.Equal(["paused"], why.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        agent.ExpectNoMsg(TimeSpan.FromMilliseconds(300)); // paused: no AssignPr (a bounded wait for an absence)
        Assert.Equal(0, hub.Cli("scheduling", "resume").ExitCode);
        Assert.Equal("PR-001", agent.ExpectMsg<AssignPr>(Patience).PrId);
    }

    [Fact]
    public async Task A_hub_without_its_actor_system_answers_status_and_the_other_commands_fail_with_exit_1()
    {
        var root = Directory.CreateTempSubdirectory("lmg-cli-bare-").FullName;
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        var settings = new Lemegeton.Hub.Daemon.HubDaemonSettings(root, new Lemegeton.Hub.Daemon.HubOptions(), new Lemegeton.Hub.Daemon.LoggingOptions(), LogToConsole: false, Detached: false);
        var daemon = Task.Run(() => Lemegeton.Hub.Daemon.HubDaemon.RunAsync(settings, new StringWriter()));
        var paths = new Lemegeton.Hub.Daemon.HubPaths(root);
        try
        {
            var until = DateTime.UtcNow + Patience;
            while (await Lemegeton.Hub.Daemon.HubLauncher.TryStatusAsync(paths) is null)
            {
                Assert.True(DateTime.UtcNow < until && !daemon.IsCompleted, "the hub did not start");
                await Task.Delay(50); // polling the socket: there is no signal to await from another component
            }
            var status = CliRun.Of(root, "status");
            Assert.Equal(0, status.ExitCode);
            Assert.Contains("coordinator: not available", status.Output);
            var prs = CliRun.Of(root, "prs", "list");
            Assert.Equal(1, prs.ExitCode);
            Assert.Contains("this hub does not serve", prs.Error);
            Assert.Equal(JsonValueKind.Null, Json(CliRun.Of(root, "status", "--json")).GetProperty("coordinator").ValueKind);
        }
        finally
        {
            using var client = new Lemegeton.Hub.Admin.HubAdminClient(paths.AdminSocket);
            await client.RequestShutdownAsync();
            await daemon.WaitAsync(Patience);
            Directory.Delete(root, recursive: true);
        }
    }
}
