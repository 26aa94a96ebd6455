namespace OrleansGame.LoadTest.Tests.Infrastructure;

/// <summary>
/// The load tool's own runs, while no other test of this assembly runs: they measure rates, latencies and CPU over
/// windows of a few seconds on a 2-core machine, and the CPU-heavy tests beside them (random games encoded and read
/// in both protocols) would take those cores from the servers and generators they start.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadToolCollection
{
    public const string Name = "load tool";
}
