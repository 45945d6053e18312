using BenchmarkDotNet.Running;

// Run all benchmarks: dotnet run -c Release --project bench/Lemegeton.Benchmarks -- --filter '*'
// Run one area:      dotnet run -c Release --project bench/Lemegeton.Benchmarks -- --filter '*TaskList*'
// Journal plugins' load:   dotnet run -c Release --project bench/Lemegeton.Benchmarks -- journal-load [persist-n] [async-n]
if (args.Length > 0 && args[0] == "journal-load")
{
    await Lemegeton.Benchmarks.Persistence.JournalLoad.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

public partial class Program;
