using Lemegeton.Hub.Actors;
using AkkaCluster = Akka.Cluster.Cluster;

namespace Lemegeton.Benchmarks.Cluster;

/// <summary>
/// <c>hub-node --prs &lt;n&gt;</c>: a hub node in its own process (so its CPU and memory can be read
/// apart from the agents'): coordinator singleton with an all-ready generated task list, local file
/// journal (fsync always, the default) in a temp folder, heartbeats every second. Prints
/// <c>ADDRESS &lt;address&gt;</c>, then <c>STAT &lt;GC heap bytes&gt; &lt;working set bytes&gt;</c> every second until killed.
/// </summary>
internal static class HubNodeProcess
{
    public static async Task RunAsync(string[] args)
    {
        var root = Directory.CreateTempSubdirectory("lemegeton-bench-hub-").FullName;
        var settings = new CoordinatorSettings
        {
            TaskList = BenchTaskLists.AllReady(ReassignBenchmark.IntArg(args, "--prs", 100)),
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            HeartbeatTimeout = TimeSpan.FromSeconds(15),
        };
        var (hub, _) = ClusterNodes.StartHub(settings, ClusterNodes.PersistenceHocon(root, "always"), string.Join('\n', ReassignBenchmark.SetArgs(args)));
        Console.WriteLine($"ADDRESS {AkkaCluster.Get(hub).SelfAddress}");
        Console.Out.Flush();
        try
        {
            while (true)
            {
                await Task.Delay(1000);
                Console.WriteLine($"STAT {GC.GetGCMemoryInfo().HeapSizeBytes} {Environment.WorkingSet}");
                Console.Out.Flush();
            }
        }
        finally
        {
            await hub.Terminate();
            Directory.Delete(root, recursive: true);
        }
    }
}
