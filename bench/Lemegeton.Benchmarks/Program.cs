using BenchmarkDotNet.Running;

// Run all benchmarks: dotnet run -c Release --project bench/Lemegeton.Benchmarks -- --filter '*'
// Run one area:      dotnet run -c Release --project bench/Lemegeton.Benchmarks -- --filter '*TaskList*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

public partial class Program;
