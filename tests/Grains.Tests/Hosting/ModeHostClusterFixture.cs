using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Grains.Tests.Hosting;

/// <summary>Two in-process silos running the room host with the test modes only (probe is the default), and memory storage.</summary>
public sealed class ModeHostClusterFixture : IAsyncLifetime
{
    /// <summary>The most partitions a pool has in this cluster.</summary>
    public const int Partitions = 3;

    private InProcessTestCluster? cluster;

    public InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("the cluster is not deployed");

    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);

        // Every join past the first in a second opens another partition, up to three: the partitioned matchmaking shows.
        builder.ConfigureHost(host => host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Matchmaking:JoinsPerPartition"] = "1",
            ["Matchmaking:MaxPartitions"] = Partitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        builder.ConfigureSilo((_, silo) => silo
            .AddMemoryGrainStorage("game")
            .AddGameGrains()
            .AddGameMode<ProbeMode>("probe")
            .AddGameMode<SecretMode>("secret")
            .AddGameMode<FaultyMode>("faulty")
            .AddGameMode<DuelMode>("duel"));
        cluster = builder.Build();
        await cluster.DeployAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>A registered player with an attached connection.</summary>
    public async Task<ModePlayer> NewPlayerAsync(string name)
    {
        var id = $"p-{Guid.NewGuid():N}";
        var grain = Client.GetGrain<IPlayerGrain>(id);
        await grain.RegisterAsync(name);
        var connection = new ModeObserver();
        var reference = Client.CreateObjectReference<IPlayerObserver>(connection);
        await grain.AttachAsync(reference);
        return new ModePlayer(id, grain, connection);
    }

    /// <summary>The room's grain.</summary>
    public IRoomGrain Room(string roomId) => Client.GetGrain<IRoomGrain>(roomId);

    /// <summary>A message from <paramref name="player"/> as a gateway forwards it.</summary>
    public static InboundMessage Message(ModePlayer player, string type, object payload) =>
        new(player.Id, type, new JsonPayload(JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), RoomJson.Options)));
}

[CollectionDefinition(Name)]
public sealed class ModeHostClusterCollection : ICollectionFixture<ModeHostClusterFixture>
{
    public const string Name = "mode host cluster";
}

/// <summary>A registered player of the mode host tests and its connection.</summary>
public sealed record ModePlayer(string Id, IPlayerGrain Grain, ModeObserver Connection)
{
    /// <summary>Creates a room of <paramref name="mode"/> and seats the player in it.</summary>
    public Task<JoinOutcome> CreateAsync(string mode, bool isPrivate = true) =>
        Grain.CreateRoomAsync(new RoomRequest(null, mode, isPrivate, new Dictionary<string, string>()));

    /// <summary>Quick joins a room of <paramref name="mode"/> with <paramref name="properties"/>.</summary>
    public Task<JoinOutcome> QuickJoinAsync(string mode, IReadOnlyDictionary<string, string> properties) =>
        Grain.JoinRoomAsync(new RoomRequest(null, mode, false, properties));

    /// <summary>Joins the room <paramref name="roomId"/>.</summary>
    public Task<JoinOutcome> JoinAsync(string roomId) =>
        Grain.JoinRoomAsync(new RoomRequest(roomId, null, false, new Dictionary<string, string>()));
}
