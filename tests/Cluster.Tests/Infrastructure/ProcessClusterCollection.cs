namespace OrleansGame.Cluster.Tests.Infrastructure;

/// <summary>
/// The test classes that share one <see cref="ProcessCluster"/>: started once for all of them, and their tests run
/// one at a time, each leaving every member running for the next.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessClusterCollection : ICollectionFixture<ProcessCluster>
{
    /// <summary>The collection's name, for <c>[Collection]</c>.</summary>
    public const string Name = "process cluster";
}
