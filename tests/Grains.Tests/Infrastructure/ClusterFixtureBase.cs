using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Modes;

namespace OrleansGame.Grains.Tests.Infrastructure;

/// <summary>
/// Two in-process silos with memory storage "game", the room host and the shipped modes (the arena), configured
/// through settings.
/// </summary>
public abstract class ClusterFixtureBase : IAsyncLifetime
{
    private InProcessTestCluster? cluster;

    public InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("the cluster is not deployed");

    public IClusterClient Client => Cluster.Client;

    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureHost(host => host.Configuration.AddInMemoryCollection(Settings));
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage("game").AddGameGrains().AddShippedModes());
        cluster = builder.Build();
        await cluster.DeployAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A registered player with an attached connection observer.</summary>
    public async Task<TestPlayer> NewPlayerAsync(string name = "Tester", bool attach = true, bool answerPings = true)
    {
        var id = $"p-{Guid.NewGuid():N}";
        var grain = Client.GetGrain<IPlayerGrain>(id);
        await grain.RegisterAsync(name);
        var connection = new TestObserver(answerPings ? grain : null);
        var reference = Client.CreateObjectReference<IPlayerObserver>(connection);
        var player = new TestPlayer(id, name, grain, connection, reference);
        if (attach)
        {
            await grain.AttachAsync(reference);
        }

        return player;
    }

    /// <summary>A second connection for an existing player.</summary>
    public (TestObserver Connection, IPlayerObserver Reference) NewConnection(IPlayerGrain? answerPingsFor = null)
    {
        var connection = new TestObserver(answerPingsFor);
        return (connection, Client.CreateObjectReference<IPlayerObserver>(connection));
    }
}
