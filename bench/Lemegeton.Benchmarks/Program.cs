using BenchmarkDotNet.Running;

// Run all benchmarks: dotnet run -c Release --project bench/Lemegeton.Benchmarks -- --filter '*'
// Run one area:      dotnet run -c Release --project bench/Lemegeton.Benchmarks -- --filter '*TaskList*'
// Journal plugins' load:   dotnet run -c Release --project bench/Lemegeton.Benchmarks -- journal-load [persist-n] [async-n]
if (args.Length > 0 && args[0] == "journal-load")
{
    await Lemegeton.Benchmarks.Persistence.JournalLoad.RunAsync(args);
    return;
}

// Cluster load generators (hub issue's benchmarks; see docs/benchmarks.md):
//   reassign --runs 30 | heartbeat-load --agents 100 --nodes 10 | hub-start --prs 10000 --events 100000
switch (args.FirstOrDefault())
{
    case "agent-node":
        await Lemegeton.Benchmarks.Cluster.AgentNodeProcess.RunAsync(args);
        return;
    case "hub-node":
        await Lemegeton.Benchmarks.Cluster.HubNodeProcess.RunAsync(args);
        return;
    case "heartbeat-load":
        await Lemegeton.Benchmarks.Cluster.HeartbeatLoad.RunAsync(args);
        return;
    case "hub-start":
        await Lemegeton.Benchmarks.Cluster.HubStartBenchmark.RunAsync(args);
        return;
    case "reassign":
        await Lemegeton.Benchmarks.Cluster.ReassignBenchmark.RunAsync(args);
        return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

public partial class Program;
