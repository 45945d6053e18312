using System.Threading.Channels;
using Akka.Actor;
using AkkaCluster = Akka.Cluster.Cluster;

namespace Lemegeton.Benchmarks.Cluster;

/// <summary>
/// <c>agent-node --hub &lt;address&gt; --agents &lt;n&gt; --id &lt;prefix&gt; [--set akka.path=value …]</c>: one agent node in its
/// own process (so it can be killed with SIGKILL) running n <see cref="BenchAgent"/>s; prints
/// <c>WELCOMED &lt;agent&gt;</c> and <c>ASSIGNED &lt;agent&gt; &lt;pr&gt; &lt;Stopwatch timestamp&gt;</c> lines (CLOCK_MONOTONIC on Linux: comparable across processes).
/// </summary>
internal static class AgentNodeProcess
{
    public static async Task RunAsync(string[] args)
    {
        var hub = Address.Parse(args[Array.IndexOf(args, "--hub") + 1]);
        var prefix = args[Array.IndexOf(args, "--id") + 1];
        var count = ReassignBenchmark.IntArg(args, "--agents", 1);
        var extra = string.Join('\n', ReassignBenchmark.SetArgs(args));
        var signals = Channel.CreateUnbounded<AgentSignal>();
        var (system, proxy) = ClusterNodes.StartAgentNode(hub, extra);
        for (var i = 0; i < count; i++)
        {
            var id = count == 1 ? prefix : $"{prefix}-{i}";
            system.ActorOf(BenchAgent.Props(proxy, id, signals.Writer), id);
        }
        Console.WriteLine($"ADDRESS {AkkaCluster.Get(system).SelfAddress}");
        Console.Out.Flush();
        await foreach (var s in signals.Reader.ReadAllAsync())
        {
            Console.WriteLine(s.Kind == AgentSignalKind.Welcomed ? $"WELCOMED {s.AgentId}" : $"ASSIGNED {s.AgentId} {s.PrId} {s.Timestamp}");
            Console.Out.Flush();
        }
    }
}
