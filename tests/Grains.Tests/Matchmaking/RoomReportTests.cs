using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Grains.Tests.Infrastructure;
using OrleansGame.Modes;

namespace OrleansGame.Grains.Tests.Matchmaking;

/// <summary>Rooms' one-way reports to their partition, which Orleans may deliver out of order.</summary>
[Collection(GameClusterCollection.Name)]
public sealed class RoomReportTests(GameClusterFixture fixture)
{
    [Fact]
    public async Task Report_ArrivingAfterTheRoomsRemoval_DoesNotListTheRoomAgain()
    {
        var partition = NewPartition();
        var room = new RoomInfo("zzzzzz", 0, 8, "lobby", false, ShippedModes.ArenaName);
        await partition.ReportRoomAsync(room with { Players = 1 });
        await Eventually.WaitAsync(partition.ListRoomsAsync, rooms => rooms.Any(r => r.RoomId == room.RoomId), "the room to be listed");

        await partition.RemoveRoomAsync(room.RoomId);
        await Eventually.WaitAsync(partition.ListRoomsAsync, rooms => rooms.All(r => r.RoomId != room.RoomId), "the room to be removed");
        await partition.ReportRoomAsync(room);
        await partition.ReportRoomAsync(new RoomInfo("yyyyyy", 1, 8, "lobby", false, ShippedModes.ArenaName));

        // The stale report went first from this one client: once the later room is listed, it has been handled.
        var listed = await Eventually.WaitAsync(partition.ListRoomsAsync, rooms => rooms.Any(r => r.RoomId == "yyyyyy"), "the later room to be listed");
        Assert.DoesNotContain(listed, r => r.RoomId == room.RoomId);
    }

    private IMatchmakerGrain NewPartition() =>
        fixture.Client.GetGrain<IMatchmakerGrain>(
            MatchmakerKeys.Partition(MatchmakerKeys.For(ShippedModes.ArenaName, new Dictionary<string, string> { ["test"] = Guid.NewGuid().ToString("N")[..8] }), 0));
}
