using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Akka.Actor;

namespace Lemegeton.Benchmarks.Cluster;

/// <summary>
/// N agents on M agent nodes heartbeating every second against one hub. The hub runs in its own
/// process (<see cref="HubNodeProcess"/>); the agent nodes are actor systems in this one. For each
/// agent count: wait until every agent has its Welcome, warm up, then over the window read the hub
/// process's CPU time (delta / wall, in % of one core), its working set (max of per-second samples)
/// and GC heap (as the hub reports it), and the heartbeat handling time as <see cref="BenchAgent"/>
/// probes it (heartbeat sent → the session's answer to a message queued right behind it).
/// Stops at the first count whose hub exceeds 1 GiB or whose agents cannot all register.
/// <code>dotnet run -c Release --project bench/Lemegeton.Benchmarks -- heartbeat-load --nodes 10 --counts 100,500,1000,2000 --seconds 20</code>
/// </summary>
internal static class HeartbeatLoad
{
    private const long GiB = 1L << 30;

    public static async Task RunAsync(string[] args)
    {
        var nodes = ReassignBenchmark.IntArg(args, "--nodes", 10);
        var seconds = ReassignBenchmark.IntArg(args, "--seconds", 20);
        var i = Array.IndexOf(args, "--counts");
        var counts = i >= 0 ? args[i + 1].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray() : [100];
        Console.WriteLine("agents | nodes | registered in | hub CPU (% of one core) | hub working set max | hub GC heap | heartbeat round trip (probes)");
        foreach (var count in counts)
        {
            if (!await RunOneAsync(count, nodes, seconds)) break;
        }
    }

    private static async Task<bool> RunOneAsync(int count, int nodeCount, int seconds)
    {
        using var hub = ChildProcess.Start("hub-node", "--prs", "100");
        var systems = new List<ActorSystem>();
        try
        {
            var address = Address.Parse(await ChildProcess.WaitForLineAsync(hub, "ADDRESS", TimeSpan.FromSeconds(60)));
            long gcHeap = 0;
            var stats = Task.Run(async () =>
            {
                while (await hub.StandardOutput.ReadLineAsync() is { } line)
                    if (line.StartsWith("STAT ", StringComparison.Ordinal)) Interlocked.Exchange(ref gcHeap, long.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture));
            });
            var signals = Channel.CreateUnbounded<AgentSignal>();
            var latency = new LatencyRecorder();
            // About 200 probes a second in all, whatever the agent count.
            var probeEvery = Math.Max(1, count / 200);
            var started = Stopwatch.GetTimestamp();
            for (var n = 0; n < nodeCount; n++)
            {
                var (system, proxy) = ClusterNodes.StartAgentNode(address);
                systems.Add(system);
                for (var a = n; a < count; a += nodeCount)
                {
                    var id = "agent-" + a.ToString(CultureInfo.InvariantCulture);
                    system.ActorOf(BenchAgent.Props(proxy, id, signals.Writer, latency, probeEvery), id);
                }
            }
            var welcomed = 0;
            using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(120, count / 10))))
            {
                try
                {
                    while (welcomed < count)
                        if ((await signals.Reader.ReadAsync(cts.Token)).Kind == AgentSignalKind.Welcomed) welcomed++;
                }
                catch (OperationCanceledException)
                {
                    Console.WriteLine($"{count} | {nodeCount} | only {welcomed} registered in time: stopping");
                    return false;
                }
            }
            var registered = Stopwatch.GetElapsedTime(started);
            await Task.Delay(TimeSpan.FromSeconds(5));   // warm-up: every agent through a few heartbeats
            latency.Take();
            latency.Recording = true;
            hub.Refresh();
            var cpu0 = hub.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            long maxWs = 0;
            for (var s = 0; s < seconds; s++)
            {
                await Task.Delay(1000);
                hub.Refresh();
                maxWs = Math.Max(maxWs, hub.WorkingSet64);
            }
            hub.Refresh();
            var cpu = (hub.TotalProcessorTime - cpu0).TotalMilliseconds / wall.Elapsed.TotalMilliseconds * 100;
            latency.Recording = false;
            var rtt = latency.Take();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{count} | {nodeCount} | {registered.TotalSeconds:F1} s | {cpu:F1} % | {maxWs / 1048576.0:F0} MiB | {Interlocked.Read(ref gcHeap) / 1048576.0:F0} MiB | {Stats.Describe(rtt)}"));
            return maxWs < GiB;
        }
        finally
        {
            hub.Kill();
            await hub.WaitForExitAsync();
            await Task.WhenAll(systems.Select(s => s.Terminate()));
        }
    }
}
