namespace OrleansGame.Client.Tests.Infrastructure;

/// <summary>The tests that share one gateway.</summary>
[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
