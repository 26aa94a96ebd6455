using BenchmarkDotNet.Running;
using OrleansGame.MicroBenchmarks;

// `dotnet run -c Release --project bench/MicroBenchmarks -- --filter '*'` runs them all; `-- sizes` prints the
// bytes of one Snapshot message per protocol. See docs/benchmarks.md.
if (args is ["sizes"])
{
    var sizes = new SnapshotSerializationBenchmarks();
    sizes.Setup();
    Console.WriteLine($"Snapshot of 8 players: JSON {sizes.Json()} bytes, MessagePack {sizes.MessagePack()} bytes");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(InboundPathBenchmarks).Assembly).Run(args);
