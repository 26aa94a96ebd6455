using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Grains.Tests.Infrastructure;
using OrleansGame.Modes;

namespace OrleansGame.Grains.Tests.Matchmaking;

/// <summary>The only tests of the game cluster that create public rooms, so the counts below are exact.</summary>
[Collection(GameClusterCollection.Name)]
public sealed class QuickJoinTests(GameClusterFixture fixture)
{
    [Fact]
    public async Task QuickJoin_TwentyConcurrentPlayers_FillExactlyThreeRoomsEightEightFour()
    {
        var players = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => fixture.NewPlayerAsync($"Q{i}", attach: false)));

        var outcomes = await Task.WhenAll(players.Select(p => p.Grain.JoinRoomAsync(RoomRequest.QuickJoin)));

        Assert.All(outcomes, o => Assert.Null(o.Error));
        var rooms = outcomes.GroupBy(o => o.Result!.RoomId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([8, 8, 4], rooms.Values.OrderDescending());
        foreach (var (roomId, count) in rooms)
        {
            Assert.Equal(count, (await fixture.Client.GetGrain<IRoomGrain>(roomId).GetInfoAsync()).Players);
        }

        var listed = await Eventually.WaitAsync(
            async () => Describe(await fixture.Client.GetGrain<IMatchmakerGrain>(MatchmakerKeys.Partition(MatchmakerKeys.For(ShippedModes.ArenaName, null), 0)).ListRoomsAsync()),
            list => rooms.All(r => list.Rooms.Any(l => l.RoomId == r.Key && l.Players == r.Value)),
            $"the room list to show the occupancy {string.Join(", ", rooms)}");
        Assert.Equal(listed.Rooms.OrderByDescending(r => r.Players), listed.Rooms);
        Assert.All(listed.Rooms, r => Assert.False(r.IsPrivate));

        await Task.WhenAll(players.Select(p => p.Grain.LeaveRoomAsync()));
    }

    private static Listing Describe(IReadOnlyList<RoomInfo> rooms) => new(rooms);

    private sealed record Listing(IReadOnlyList<RoomInfo> Rooms)
    {
        public override string ToString() => string.Join(", ", Rooms);
    }
}
