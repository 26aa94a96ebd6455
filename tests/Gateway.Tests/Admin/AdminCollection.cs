namespace OrleansGame.Gateway.Tests.Admin;

/// <summary>The admin tests, sharing one gateway with admin keys; they run one after another, so counters move by their own actions only.</summary>
[CollectionDefinition(Name)]
public sealed class AdminCollection : ICollectionFixture<AdminFixture>
{
    public const string Name = "admin";
}
