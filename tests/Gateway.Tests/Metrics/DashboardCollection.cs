namespace OrleansGame.Gateway.Tests.Metrics;

/// <summary>Runs <see cref="DashboardTests"/> while no other test runs.</summary>
[CollectionDefinition(DashboardTests.Collection, DisableParallelization = true)]
public sealed class DashboardCollection;
