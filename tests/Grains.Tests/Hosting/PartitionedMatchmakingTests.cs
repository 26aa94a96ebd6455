using CsCheck;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Tests.Infrastructure;

namespace OrleansGame.Grains.Tests.Hosting;

/// <summary>
/// Quick joins spread over several matchmaker partitions (this cluster opens up to three as joins come), which only
/// offer seats: the rooms decide. Each run joins a pool of its own (a fresh property), so runs never meet.
/// </summary>
[Collection(ModeHostClusterCollection.Name)]
public sealed class PartitionedMatchmakingTests(ModeHostClusterFixture fixture)
{
    private const int Capacity = 3;

    [Fact]
    public async Task QuickJoin_ManyAtOnceOverSeveralPartitions_SeatsEveryoneOnceAndLeavesAtMostOnePartlyFilledRoomPerPartition()
    {
        var pool = Pool();
        var seated = await JoinAllAsync(players: 24, maxDelayMs: 0, pool);

        Assert.Equal(24, seated.Values.Sum());
        Assert.All(seated.Values, n => Assert.InRange(n, 1, Capacity));
        Assert.InRange(seated.Values.Count(static n => n < Capacity), 0, ModeHostClusterFixture.Partitions);

        // The joins did spread: every room is listed by exactly one partition, and more than one partition has rooms.
        var partitions = await Eventually.WaitAsync(
            () => Task.WhenAll(Enumerable.Range(0, ModeHostClusterFixture.Partitions).Select(shard =>
                fixture.Client.GetGrain<IMatchmakerGrain>(MatchmakerKeys.Partition(MatchmakerKeys.For("probe", pool), shard)).ListRoomsAsync())),
            lists => lists.Sum(static l => l.Count) == seated.Count,
            "every room reported to its partition");
        Assert.Equal(seated.Keys.Order(), partitions.SelectMany(static l => l).Select(static r => r.RoomId).Order());
        Assert.True(partitions.Count(static l => l.Count > 0) >= 2, "the joins stayed in one partition");
    }

    [Fact]
    public async Task QuickJoin_RandomInterleavings_NeverOverfillARoomNorSeatAPlayerTwice()
    {
        await Gen.Select(Gen.Int[1, 14], Gen.Int[0, 30])
            .SampleAsync(
                async sample =>
                {
                    var (players, maxDelayMs) = sample;
                    var seated = await JoinAllAsync(players, maxDelayMs, Pool());
                    return seated.Values.Sum() == players && seated.Values.All(static n => n is >= 1 and <= Capacity);
                },
                iter: 6,
                threads: 1);
    }

    private static Dictionary<string, string> Pool() => new() { ["run"] = Guid.NewGuid().ToString("N") };

    /// <summary>
    /// Quick joins <paramref name="players"/> new players into the pool <paramref name="pool"/> (the probe mode with a
    /// property of its own) at once, each after a random delay of up to <paramref name="maxDelayMs"/>; checks every
    /// outcome, every player's seat and every room's count, and returns the members per room.
    /// </summary>
    private async Task<Dictionary<string, int>> JoinAllAsync(int players, int maxDelayMs, Dictionary<string, string> pool)
    {
        var joiners = await Task.WhenAll(Enumerable.Range(0, players).Select(i => fixture.NewPlayerAsync($"J{i}")));

        var outcomes = await Task.WhenAll(joiners.Select(async p =>
        {
            await Task.Delay(Random.Shared.Next(maxDelayMs + 1));
            return (Player: p, Outcome: await p.QuickJoinAsync("probe", pool));
        }));

        Assert.All(outcomes, o => Assert.Null(o.Outcome.Error));
        foreach (var (player, outcome) in outcomes)
        {
            Assert.Equal(outcome.Result!.RoomId, await player.Grain.GetCurrentRoomAsync());
        }

        var seated = outcomes.GroupBy(static o => o.Outcome.Result!.RoomId).ToDictionary(static g => g.Key, static g => g.Count());
        foreach (var (roomId, count) in seated)
        {
            var info = await fixture.Room(roomId).GetInfoAsync();
            Assert.Equal((count, Capacity), (info.Players, info.Capacity));
        }

        return seated;
    }
}
