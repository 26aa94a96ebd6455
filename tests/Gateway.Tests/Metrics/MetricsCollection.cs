namespace OrleansGame.Gateway.Tests.Metrics;

/// <summary>
/// The metrics tests: one gateway of their own, run while no other test runs, because meters are matched by name
/// across the process and another host's traffic would move the counters under test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<MetricsFixture>
{
    public const string Name = "metrics";
}
