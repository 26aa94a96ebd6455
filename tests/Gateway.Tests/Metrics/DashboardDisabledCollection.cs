namespace OrleansGame.Gateway.Tests.Metrics;

/// <summary>Runs <see cref="DashboardDisabledTests"/> while no other test runs.</summary>
[CollectionDefinition(DashboardDisabledTests.Collection, DisableParallelization = true)]
public sealed class DashboardDisabledCollection;
