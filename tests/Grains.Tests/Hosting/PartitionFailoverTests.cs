using Orleans.TestingHost;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Tests.Hosting;

/// <summary>A matchmaker partition's silo stops in the middle of a stream of quick joins: joins go on, nobody is seated twice.</summary>
public sealed class PartitionFailoverTests : IAsyncLifetime
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(20);

    private InProcessTestCluster? cluster;

    private InProcessTestCluster Cluster => cluster!;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage("game").AddGameGrains().AddGameMode<ProbeMode>("probe"));
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

    [Fact]
    public async Task QuickJoin_PartitionsSiloStoppedMidStream_JoinsGoOnAndNobodyIsSeatedTwice()
    {
        var (pool, partition, host) = await PartitionOffThePrimaryAsync();
        var outcomes = new List<(string PlayerId, JoinOutcome Outcome)>();
        for (var i = 0; i < 6; i++)
        {
            outcomes.Add(await JoinAsync(pool, $"before{i}"));
        }

        await Cluster.StopSiloAsync(Cluster.Silos.Single(s => s.SiloAddress == host), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // The first joins after the stop may meet the stopped silo; from some point on every join is seated again.
        var deadline = DateTime.UtcNow + Recovery;
        var recovered = 0;
        while (recovered < 6)
        {
            Assert.True(DateTime.UtcNow < deadline, $"joins were not seated again within {Recovery}");
            var (playerId, outcome) = await JoinOrFailAsync(pool, $"after{outcomes.Count}");
            if (outcome is { Result: not null })
            {
                outcomes.Add((playerId, outcome));
                recovered++;
            }
        }

        var seated = outcomes.Where(static o => o.Outcome.Result is not null).ToList();
        Assert.Equal(seated.Count, seated.Select(static o => o.PlayerId).Distinct().Count());
        foreach (var (playerId, outcome) in seated.Skip(6))
        {
            Assert.Equal(outcome.Result!.RoomId, await Cluster.Client.GetGrain<IPlayerGrain>(playerId).GetCurrentRoomAsync());
        }

        var rooms = seated.Skip(6).GroupBy(static o => o.Outcome.Result!.RoomId);
        foreach (var room in rooms)
        {
            var info = await Cluster.Client.GetGrain<IRoomGrain>(room.Key).GetInfoAsync();
            Assert.InRange(info.Players, room.Count(), info.Capacity);
        }
    }

    /// <summary>A fresh pool whose first partition is active on a silo other than the primary (which the cluster needs).</summary>
    private async Task<(Dictionary<string, string> Pool, IMatchmakerGrain Partition, SiloAddress Host)> PartitionOffThePrimaryAsync()
    {
        var primary = Cluster.Silos[0].SiloAddress;
        while (true)
        {
            var pool = new Dictionary<string, string> { ["run"] = Guid.NewGuid().ToString("N") };
            var partition = Cluster.Client.GetGrain<IMatchmakerGrain>(MatchmakerKeys.Partition(MatchmakerKeys.For("probe", pool), 0));
            await partition.ListRoomsAsync();
            if (Cluster.TryGetGrainContext(partition.GetGrainId(), out var context) && context.Address.SiloAddress is { } host && host != primary)
            {
                return (pool, partition, host);
            }
        }
    }

    private async Task<(string PlayerId, JoinOutcome Outcome)> JoinAsync(Dictionary<string, string> pool, string name)
    {
        var id = $"p-{Guid.NewGuid():N}";
        var player = Cluster.Client.GetGrain<IPlayerGrain>(id);
        await player.RegisterAsync(name);
        return (id, await player.JoinRoomAsync(new RoomRequest(null, "probe", false, pool)));
    }

    private async Task<(string PlayerId, JoinOutcome? Outcome)> JoinOrFailAsync(Dictionary<string, string> pool, string name)
    {
        try
        {
            return await JoinAsync(pool, name).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
        {
            return ("", null);
        }
    }
}
