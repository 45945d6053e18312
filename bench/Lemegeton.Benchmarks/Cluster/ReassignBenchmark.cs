using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Cluster;
using AkkaCluster = Akka.Cluster.Cluster;
using Lemegeton.Hub.Actors;

namespace Lemegeton.Benchmarks.Cluster;

/// <summary>
/// Agent process killed → its PR reassigned. One hub node and agent nodes, each an actor system in
/// this process on loopback, with the shipped akka settings. A one-PR task list: the first agent takes
/// the PR and holds it; each run starts a fresh idle agent node, waits for its Welcome, terminates the
/// holder's actor system without leaving the cluster (a crash: connections close, heartbeats stop),
/// and times from the termination call to the idle agent receiving <c>AssignPr</c> for the same PR,
/// which it then holds for the next run. Also prints when the hub saw the node unreachable and removed.
/// <code>dotnet run -c Release --project bench/Lemegeton.Benchmarks -- reassign --runs 30 [--set akka.path=value …]</code>
/// </summary>
internal static class ReassignBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var runs = IntArg(args, "--runs", 30);
        var extra = string.Join('\n', SetArgs(args));
        var root = Directory.CreateTempSubdirectory("lemegeton-bench-reassign-").FullName;
        var settings = new CoordinatorSettings
        {
            TaskList = BenchTaskLists.AllReady(1),
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            HeartbeatTimeout = TimeSpan.FromSeconds(15),
        };
        var (hub, _) = ClusterNodes.StartHub(settings, ClusterNodes.PersistenceHocon(root, "always"), extra);
        Console.WriteLine($"settings: {ClusterNodes.DescribeTiming(hub)}");
        var membership = Channel.CreateUnbounded<(ClusterEvent.IClusterDomainEvent Event, long At)>();
        hub.ActorOf(Props.Create(() => new MembershipWatcher(membership.Writer)), "bench-membership");

        var signals = Channel.CreateUnbounded<AgentSignal>();
        var hubAddress = AkkaCluster.Get(hub).SelfAddress;
        var totals = new List<double>();
        var unreachables = new List<double>();
        var removals = new List<double>();
        var inProcess = args.Contains("--in-process");
        try
        {
            ActorSystem? holder = null;   // the in-process agent holding the PR, if any
            string? pr = null;
            for (var run = 1; run <= runs; run++)
            {
                // The victim takes the PR: a new agent node (its own process unless --in-process), then
                // the previous holder stops gracefully, which hands the PR back at once.
                var victimId = "victim-" + run.ToString(CultureInfo.InvariantCulture);
                System.Diagnostics.Process? victimProcess = null;
                ActorSystem? victimSystem = null;
                Address victim;
                if (inProcess)
                {
                    victimSystem = StartAgent(hubAddress, victimId, signals.Writer, extra);
                    await Expect(signals.Reader, victimId, AgentSignalKind.Welcomed, TimeSpan.FromSeconds(60));
                    victim = AkkaCluster.Get(victimSystem).SelfAddress;
                }
                else
                {
                    victimProcess = ChildProcess.Start(["agent-node", "--hub", hubAddress.ToString(), "--id", victimId, .. SetArgs(args).SelectMany(a => new[] { "--set", a })]);
                    victim = Address.Parse(await ChildProcess.WaitForLineAsync(victimProcess, "ADDRESS", TimeSpan.FromSeconds(60)));
                    await ChildProcess.WaitForLineAsync(victimProcess, "WELCOMED", TimeSpan.FromSeconds(60));
                }
                if (holder is not null) await CoordinatedShutdown.Get(holder).Run(CoordinatedShutdown.ClrExitReason.Instance);
                if (inProcess)
                {
                    var got = await Expect(signals.Reader, victimId, AgentSignalKind.Assigned, TimeSpan.FromSeconds(30));
                    pr ??= got.PrId;
                }
                else
                {
                    var line = await ChildProcess.WaitForLineAsync(victimProcess!, "ASSIGNED", TimeSpan.FromSeconds(30));
                    pr ??= line.Split(' ')[1];
                }

                var id = "agent-" + run.ToString(CultureInfo.InvariantCulture);
                var next = StartAgent(hubAddress, id, signals.Writer, extra);
                await Expect(signals.Reader, id, AgentSignalKind.Welcomed, TimeSpan.FromSeconds(60));
                await Task.Delay(1000);   // let membership settle (the new node Up everywhere, heartbeats flowing)
                while (membership.Reader.TryRead(out _)) { }

                var killed = Stopwatch.GetTimestamp();
                Task terminating;
                if (victimProcess is not null)
                {
                    victimProcess.Kill();   // SIGKILL
                    terminating = victimProcess.WaitForExitAsync();
                }
                else terminating = victimSystem!.Terminate();
                var assigned = await Expect(signals.Reader, id, AgentSignalKind.Assigned, TimeSpan.FromSeconds(60));
                if (assigned.PrId != pr) throw new InvalidOperationException($"{id} got {assigned.PrId}, expected {pr}");
                var total = Stopwatch.GetElapsedTime(killed, assigned.Timestamp).TotalMilliseconds;
                await terminating;
                victimProcess?.Dispose();
                await Task.Delay(300);   // the hub's MemberRemoved may trail the assignment
                double? unreachable = null, removed = null;
                while (membership.Reader.TryRead(out var e))
                {
                    if (e.Event is ClusterEvent.UnreachableMember u && u.Member.Address.Equals(victim)) unreachable ??= Stopwatch.GetElapsedTime(killed, e.At).TotalMilliseconds;
                    if (e.Event is ClusterEvent.MemberRemoved r && r.Member.Address.Equals(victim)) removed ??= Stopwatch.GetElapsedTime(killed, e.At).TotalMilliseconds;
                }
                totals.Add(total);
                if (unreachable is { } un) unreachables.Add(un);
                if (removed is { } rm) removals.Add(rm);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run,3}: reassigned after {total,7:F1} ms (hub saw it unreachable: {(unreachable is { } x ? x.ToString("F1", CultureInfo.InvariantCulture) + " ms" : "no")}, removed: {(removed is { } y ? y.ToString("F1", CultureInfo.InvariantCulture) + " ms" : "not yet")})"));
                holder = next;
            }
        }
        finally
        {
            await hub.Terminate();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
        Console.WriteLine($"kill → AssignPr to the next agent: {Stats.Describe(totals)}");
        Console.WriteLine($"kill → hub's UnreachableMember ({unreachables.Count} of {totals.Count} runs): {Stats.Describe(unreachables)}");
        Console.WriteLine($"kill → hub's MemberRemoved: {Stats.Describe(removals)}");
    }

    private static ActorSystem StartAgent(Address hub, string id, ChannelWriter<AgentSignal> signals, string extra)
    {
        var (system, proxy) = ClusterNodes.StartAgentNode(hub, extra);
        system.ActorOf(BenchAgent.Props(proxy, id, signals), id);
        return system;
    }

    private static async Task<AgentSignal> Expect(ChannelReader<AgentSignal> reader, string agentId, AgentSignalKind kind, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var s = await reader.ReadAsync(cts.Token);
            if (s.AgentId == agentId && s.Kind == kind) return s;
        }
    }

    internal static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    internal static IEnumerable<string> SetArgs(string[] args)
    {
        for (var i = 0; i < args.Length - 1; i++)
            if (args[i] == "--set") yield return args[i + 1];
    }
}
