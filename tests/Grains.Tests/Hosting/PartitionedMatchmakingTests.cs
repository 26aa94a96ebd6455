using CsCheck;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Validation;
using OrleansGame.Grains.Abstractions.Wire;
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

    [Fact]
    public async Task QuickJoin_WhenEveryPartitionOffersRoomsThatTurnOutFull_StillSeatsEveryPlayerAndNeverAnswersRoomFull()
    {
        // Full rooms that every partition of the pool believes empty, as when a room's later report is overtaken by an
        // earlier one: each is offered, and each refuses. There are enough for every attempt of every joiner.
        const int joiners = 3;
        var full = (await JoinAllAsync(players: 9 * joiners * Capacity, maxDelayMs: 0, Pool()))
            .Where(static r => r.Value == Capacity).ToDictionary();
        Assert.True(full.Count >= 8 * joiners, $"only {full.Count} rooms filled");
        var pool = Pool();
        foreach (var shard in Enumerable.Range(0, ModeHostClusterFixture.Partitions))
        {
            var partition = fixture.Client.GetGrain<IMatchmakerGrain>(MatchmakerKeys.Partition(MatchmakerKeys.For("probe", pool), shard));
            foreach (var roomId in full.Keys)
            {
                await partition.ReportRoomAsync(new RoomInfo(roomId, 0, Capacity, "lobby", IsPrivate: false, "probe"));
            }

            await Eventually.WaitAsync(partition.ListRoomsAsync, rooms => rooms.Count == full.Count, "the partition to have every report");
        }

        var seated = await JoinAllAsync(joiners, maxDelayMs: 0, pool);

        Assert.Equal(joiners, seated.Values.Sum());
        Assert.Empty(seated.Keys.Intersect(full.Keys));
        foreach (var roomId in full.Keys)
        {
            Assert.Equal(Capacity, (await fixture.Room(roomId).GetInfoAsync()).Players);
        }
    }

    [Fact]
    public async Task QuickJoin_ManyOfferedARoomThatIsGone_AreSeatedElsewhereAndNoCallFails()
    {
        // A room every partition believes open with many seats, which no silo hosts (it was disposed): the joins it is
        // offered all reach blank activations of it, each of which refuses one and deactivates, so Orleans bounces the
        // queued rest from activation to activation and rejects them after a few hops.
        var pool = Pool();
        var gone = RoomCodes.NewCode();
        foreach (var shard in Enumerable.Range(0, ModeHostClusterFixture.Partitions))
        {
            var partition = fixture.Client.GetGrain<IMatchmakerGrain>(MatchmakerKeys.Partition(MatchmakerKeys.For("probe", pool), shard));
            await partition.ReportRoomAsync(new RoomInfo(gone, 0, 100, "lobby", IsPrivate: false, "probe"));
            await Eventually.WaitAsync(partition.ListRoomsAsync, rooms => rooms.Any(r => r.RoomId == gone), "the partition to know the room");
        }

        var seated = await JoinAllAsync(players: 200, maxDelayMs: 0, pool);

        Assert.Equal(200, seated.Values.Sum());
        Assert.DoesNotContain(gone, seated.Keys);
    }

    [Fact]
    public async Task OfferAfterRefusal_NeverOffersTheRefusedRoomAgainAndAfterRepeatedRefusalsOffersOnlyARoomItOpened()
    {
        var partition = fixture.Client.GetGrain<IMatchmakerGrain>(MatchmakerKeys.Partition(MatchmakerKeys.For("probe", Pool()), 0));
        await partition.ReportRoomAsync(new RoomInfo("aaaaaa", 1, Capacity, "lobby", IsPrivate: false, "probe"));
        await partition.ReportRoomAsync(new RoomInfo("bbbbbb", 2, Capacity, "lobby", IsPrivate: false, "probe"));
        await Eventually.WaitAsync(partition.ListRoomsAsync, rooms => rooms.Count == 2, "both rooms reported");

        var first = await partition.OfferSeatAsync();
        var second = await partition.OfferSeatAfterRefusalAsync(first.RoomId, ErrorCodes.RoomFull, newRoom: false);
        var opened = await partition.OfferSeatAfterRefusalAsync(second.RoomId, ErrorCodes.RoomFull, newRoom: false);
        await partition.ReportRoomAsync(new RoomInfo("cccccc", 2, Capacity, "lobby", IsPrivate: false, "probe"));
        await Eventually.WaitAsync(partition.ListRoomsAsync, rooms => rooms.Any(static r => r.RoomId == "cccccc"), "the third room reported");
        var again = await partition.OfferSeatAfterRefusalAsync(opened.RoomId, ErrorCodes.RoomNotFound, newRoom: true);
        var reported = await partition.OfferSeatAsync();

        Assert.Equal(("bbbbbb", "aaaaaa"), (first.RoomId, second.RoomId));
        Assert.NotNull(opened.Open);
        Assert.DoesNotContain(opened.RoomId, new[] { "aaaaaa", "bbbbbb" });

        // The room that was just refused as gone is forgotten: a new room, not the fuller reported one.
        Assert.NotNull(again.Open);
        Assert.DoesNotContain(again.RoomId, new[] { "aaaaaa", "bbbbbb", "cccccc", opened.RoomId });
        var sameOpening = await partition.OfferSeatAfterRefusalAsync("zzzzzz", ErrorCodes.RoomFull, newRoom: true);
        Assert.Equal(again.RoomId, sameOpening.RoomId);
        Assert.Equal("cccccc", reported.RoomId);
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
