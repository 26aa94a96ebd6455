using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Tests.Infrastructure;

namespace OrleansGame.Grains.Tests.Hosting;

/// <summary>
/// A mode's <c>QuickJoinSeats</c>: quick join offers only that many seats of a room, the rest are reached by code.
/// The partition is called directly, so that offers do not depend on how joins spread over partitions.
/// </summary>
[Collection(ModeHostClusterCollection.Name)]
public sealed class QuickJoinSeatsTests(ModeHostClusterFixture fixture)
{
    [Fact]
    public async Task OfferSeat_ModeWithTwoQuickJoinSeatsOfFour_OffersTwoSeatsARoomWhileCodesSeatTheRest()
    {
        var pool = new Dictionary<string, string> { ["run"] = Guid.NewGuid().ToString("N") };
        var partition = fixture.Client.GetGrain<IMatchmakerGrain>(MatchmakerKeys.Partition(MatchmakerKeys.For("duel", pool), 0));

        var first = await partition.OfferSeatAsync();
        var second = await partition.OfferSeatAsync();
        var third = await partition.OfferSeatAsync();

        Assert.Equal(first.RoomId, second.RoomId);
        Assert.NotEqual(first.RoomId, third.RoomId);

        // Both offered seats taken as a player's grain takes them, then a third member by the room's code.
        var room = fixture.Room(first.RoomId);
        Assert.Null((await room.JoinAsync("duel-ada", "Ada", null, null, first.Open)).Error);
        Assert.Null((await room.JoinAsync("duel-bob", "Bob", null, null, second.Open)).Error);
        var cyd = await fixture.NewPlayerAsync("Cyd");
        Assert.Null((await cyd.JoinAsync(first.RoomId)).Error);

        await Eventually.WaitAsync(partition.ListRoomsAsync, rooms => rooms.Any(r => r.RoomId == first.RoomId && r.Players == 3), "the room's report of three members");
        var fourth = await partition.OfferSeatAsync();

        Assert.NotEqual(first.RoomId, fourth.RoomId);
        Assert.Equal((3, 4), ((await room.GetInfoAsync()).Players, (await room.GetInfoAsync()).Capacity));
    }
}
