namespace OrleansGame.Grains.Tests.Infrastructure;

/// <summary>The default rules, in a small world so that orbs are collected quickly.</summary>
public sealed class GameClusterFixture : ClusterFixtureBase
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Arena:WorldWidth"] = "300",
        ["Arena:WorldHeight"] = "300",
    };
}

[CollectionDefinition(Name)]
public sealed class GameClusterCollection : ICollectionFixture<GameClusterFixture>
{
    public const string Name = "game cluster";
}
