using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Cluster;
using AkkaCluster = Akka.Cluster.Cluster;
using Lemegeton.Hub.Actors;

namespace Lemegeton.Benchmarks.Cluster;

/// <summary>
/// Agent process killed → its PR reassigned. One hub node (an actor system in this process, shipped
/// akka settings, coordinator with a one-PR task list, local journal with fsync) and agent nodes, each
/// its own process (<see cref="AgentNodeProcess"/>) on loopback. Agent processes are started in
/// batches (default 6, so starting them overlaps and the cluster stays small); the first to register
/// takes the PR and holds it. Each run kills the holder with SIGKILL and times from the kill to an
/// idle agent receiving <c>AssignPr</c> for the same PR (its timestamp taken in the agent process on
/// the shared monotonic clock); that agent is the next victim. Also prints when the hub saw the
/// node unreachable and removed.
/// <code>dotnet run -c Release --project bench/Lemegeton.Benchmarks -- reassign --runs 30 [--batch 6] [--set akka.path=value …]</code>
/// </summary>
internal static class ReassignBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var runs = IntArg(args, "--runs", 30);
        var batch = Math.Max(2, IntArg(args, "--batch", 6));
        var sets = SetArgs(args).ToList();
        var root = Directory.CreateTempSubdirectory("lemegeton-bench-reassign-").FullName;
        var settings = new CoordinatorSettings
        {
            TaskList = BenchTaskLists.AllReady(1),
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            HeartbeatTimeout = TimeSpan.FromSeconds(15),
        };
        var (hub, _) = ClusterNodes.StartHub(settings, ClusterNodes.PersistenceHocon(root, "always"), string.Join('\n', sets));
        Console.WriteLine($"settings: {ClusterNodes.DescribeTiming(hub)}");
        var membership = Channel.CreateUnbounded<(ClusterEvent.IClusterDomainEvent Event, long At)>();
        hub.ActorOf(Props.Create(() => new MembershipWatcher(membership.Writer)), "bench-membership");
        var hubAddress = AkkaCluster.Get(hub).SelfAddress;
        var totals = new List<double>();
        var unreachables = new List<double>();
        var removals = new List<double>();
        var lines = Channel.CreateUnbounded<(int Child, string Line)>();
        var children = new Dictionary<int, (Process Process, Address Address)>();
        var next = 0;
        try
        {
            int? holder = null;
            string? pr = null;
            var run = 0;
            while (run < runs)
            {
                // A new batch of agent processes (the holder, if any, stays).
                var starting = new List<int>();
                for (var b = children.Count; b < batch; b++)
                {
                    var id = next++;
                    var process = ChildProcess.Start(["agent-node", "--hub", hubAddress.ToString(), "--id", "agent-" + id, .. sets.SelectMany(a => new[] { "--set", a })]);
                    children[id] = (process, null!);
                    starting.Add(id);
                    _ = Task.Run(async () =>
                    {
                        while (await process.StandardOutput.ReadLineAsync() is { } line) await lines.Writer.WriteAsync((id, line));
                    });
                }
                var welcomed = new HashSet<int>();
                while (welcomed.Count < starting.Count || holder is null)
                {
                    var (child, line) = await ReadAsync(lines.Reader, TimeSpan.FromSeconds(120));
                    if (line.StartsWith("ADDRESS ", StringComparison.Ordinal)) children[child] = (children[child].Process, Address.Parse(line[8..]));
                    else if (line.StartsWith("WELCOMED", StringComparison.Ordinal)) welcomed.Add(child);
                    else if (line.StartsWith("ASSIGNED", StringComparison.Ordinal)) { holder = child; pr ??= line.Split(' ')[2]; }
                }
                await Task.Delay(1000);   // let membership settle (every node Up everywhere, heartbeats flowing)

                while (children.Count > 1 && run < runs)
                {
                    run++;
                    while (membership.Reader.TryRead(out _)) { }
                    var (victimProcess, victim) = children[holder!.Value];
                    var killed = Stopwatch.GetTimestamp();
                    victimProcess.Kill();   // SIGKILL
                    children.Remove(holder.Value);
                    string[] assigned;
                    while (true)
                    {
                        var (child, line) = await ReadAsync(lines.Reader, TimeSpan.FromSeconds(60));
                        if (!line.StartsWith("ASSIGNED", StringComparison.Ordinal) || !children.ContainsKey(child)) continue;
                        assigned = line.Split(' ');
                        holder = child;
                        break;
                    }
                    if (assigned[2] != pr) throw new InvalidOperationException($"agent got {assigned[2]}, expected {pr}");
                    var total = Stopwatch.GetElapsedTime(killed, long.Parse(assigned[3], CultureInfo.InvariantCulture)).TotalMilliseconds;
                    await victimProcess.WaitForExitAsync();
                    victimProcess.Dispose();
                    await Task.Delay(500);   // the hub's MemberRemoved may trail the assignment
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
                }
            }
        }
        finally
        {
            foreach (var (process, _) in children.Values)
            {
                process.Kill();
                await process.WaitForExitAsync();
                process.Dispose();
            }
            await hub.Terminate();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
        Console.WriteLine($"kill → AssignPr to the next agent: {Stats.Describe(totals)}");
        Console.WriteLine($"kill → hub's UnreachableMember ({unreachables.Count} of {totals.Count} runs): {Stats.Describe(unreachables)}");
        Console.WriteLine($"kill → hub's MemberRemoved: {Stats.Describe(removals)}");
    }

    private static async Task<(int, string)> ReadAsync(ChannelReader<(int, string)> reader, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await reader.ReadAsync(cts.Token);
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
