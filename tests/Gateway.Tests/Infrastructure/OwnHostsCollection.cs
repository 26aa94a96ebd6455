namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>
/// Tests that start and stop gateways of their own, run while no other test runs: a host stopping while another runs
/// would stop that one's metrics (the process's meters are shared by name).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OwnHostsCollection
{
    public const string Name = "own-hosts";
}
