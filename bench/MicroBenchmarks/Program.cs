using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/MicroBenchmarks -- --filter '*'` runs them all; see docs/benchmarks.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
