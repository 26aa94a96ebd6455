namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>
/// The abuse tests, with a gateway of their own and while no other test runs: they measure how regular a bystander's
/// snapshots stay during a flood, and on two cores the other test classes running beside them stalled the bystander
/// too (a 506 ms gap in a fresh-clone run, over the bound meant to catch a stalled room).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AbuseCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "abuse";
}
