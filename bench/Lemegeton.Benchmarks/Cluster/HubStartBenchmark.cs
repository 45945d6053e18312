using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Akka.Actor;
using AkkaCluster = Akka.Cluster.Cluster;
using Lemegeton.Core.TaskList;
using Lemegeton.Hub.Actors;

namespace Lemegeton.Benchmarks.Cluster;

/// <summary>
/// Hub start with a large task list and a long journal: time to ready. A journal of N events
/// (<see cref="JournalSeeder"/>, local file journal) is written once; each run copies it to a fresh
/// folder, then times, from before the task list is parsed: the coordinator recovered (a
/// <see cref="GetCoordinatorState"/> through the singleton proxy answered: parse, actor system,
/// cluster self-join, singleton start, snapshot + replay, the recovery's own events) and ready (an
/// agent on the hub node that registered at start received its first <c>AssignPr</c>: the first
/// schedule done). Three cases: no journal (the fixed costs), the whole journal replayed (no
/// snapshot), and the journal with a snapshot at its end (as the coordinator keeps one every
/// <c>SnapshotEvery</c> events).
/// <code>dotnet run -c Release --project bench/Lemegeton.Benchmarks -- hub-start --prs 10000 --events 100000 --runs 5</code>
/// </summary>
internal static class HubStartBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var prs = ReassignBenchmark.IntArg(args, "--prs", 10000);
        var events = ReassignBenchmark.IntArg(args, "--events", 100000);
        var runs = ReassignBenchmark.IntArg(args, "--runs", 5);
        var text = new TaskListGenerator().Generate(prs);
        var root = Directory.CreateTempSubdirectory("lemegeton-bench-start-").FullName;
        try
        {
            foreach (var (name, count, snapshot) in new[] { ("empty journal", 0, false), ($"{events} events, no snapshot", events, false), ($"{events} events + snapshot at the end", events, true) })
            {
                var seeded = Path.Combine(root, "seed-" + count + "-" + snapshot);
                var seedClock = Stopwatch.StartNew();
                if (count > 0) await SeedAsync(TaskListParser.Parse(text, "docs/task-list.md"), seeded, count, snapshot);
                else Directory.CreateDirectory(seeded);
                var size = Directory.EnumerateFiles(seeded, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: seeded in {seedClock.Elapsed.TotalSeconds:F1} s, {size / 1048576.0:F1} MiB on disk"));
                var recovered = new List<double>();
                var ready = new List<double>();
                for (var run = 1; run <= runs; run++)
                {
                    var dir = Path.Combine(root, "run");
                    if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
                    CopyTree(seeded, dir);
                    var (r, a) = await StartOnceAsync(text, dir);
                    recovered.Add(r);
                    ready.Add(a);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  run {run}: recovered {r:F0} ms, first assignment {a:F0} ms"));
                }
                Console.WriteLine($"  recovered: {Stats.Describe(recovered)}");
                Console.WriteLine($"  ready:     {Stats.Describe(ready)}");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(double Recovered, double Ready)> StartOnceAsync(string text, string dir)
    {
        var clock = Stopwatch.StartNew();
        var taskList = TaskListParser.Parse(text, "docs/task-list.md");
        var parsed = clock.Elapsed.TotalMilliseconds;
        var settings = new CoordinatorSettings { TaskList = taskList, HeartbeatInterval = TimeSpan.FromSeconds(1) };
        var (hub, proxy) = ClusterNodes.StartHub(settings, ClusterNodes.PersistenceHocon(dir, "always"));
        var created = clock.Elapsed.TotalMilliseconds;
        var up = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        AkkaCluster.Get(hub).RegisterOnMemberUp(() => up.TrySetResult(clock.Elapsed.TotalMilliseconds));
        var persisted = 0;
        var counter = hub.ActorOf(Props.Create(() => new EventCounter(() => Interlocked.Increment(ref persisted))));
        hub.EventStream.Subscribe(counter, typeof(Lemegeton.Protocol.Serialization.IPersistedEvent));
        try
        {
            var signals = Channel.CreateUnbounded<AgentSignal>();
            hub.ActorOf(BenchAgent.Props(proxy, "agent-1", signals.Writer), "agent-1");
            await proxy.Ask<object>(GetCoordinatorState.Instance, TimeSpan.FromSeconds(120));
            var recovered = clock.Elapsed.TotalMilliseconds;
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            while ((await signals.Reader.ReadAsync(cts.Token)).Kind != AgentSignalKind.Assigned) { }
            var ready = clock.Elapsed.TotalMilliseconds;
            var upAt = await up.Task;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    parse {parsed:F0} ms, actor system created {created:F0} ms, cluster member Up {upAt:F0} ms, recovered {recovered:F0} ms, first assignment {ready:F0} ms; {Volatile.Read(ref persisted)} events persisted during start-up"));
            return (recovered, ready);
        }
        finally
        {
            await hub.Terminate();
        }
    }

    private static async Task SeedAsync(TaskListDocument taskList, string dir, int events, bool snapshot)
    {
        var system = ActorSystem.Create("lemegeton", ClusterNodes.Setup("hub", ClusterNodes.PersistenceHocon(dir, "batch")));
        try
        {
            var done = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            var waiter = system.ActorOf(Props.Create(() => new SeedWaiter(done)));
            system.ActorOf(Props.Create(() => new JournalSeeder(taskList, events, snapshot, waiter)));
            var result = await done.Task.WaitAsync(TimeSpan.FromMinutes(10));
            if (result is Status.Failure f) throw new InvalidOperationException("seeding failed", f.Cause);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var d in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, d)));
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)) File.Copy(f, Path.Combine(to, Path.GetRelativePath(from, f)));
    }

    private sealed class EventCounter : ReceiveActor
    {
        public EventCounter(Action count) => ReceiveAny(_ => count());
    }

    private sealed class SeedWaiter : ReceiveActor
    {
        public SeedWaiter(TaskCompletionSource<object> done) => ReceiveAny(m => done.TrySetResult(m));
    }
}
