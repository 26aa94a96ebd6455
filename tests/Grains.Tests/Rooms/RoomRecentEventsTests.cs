using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Rooms;
using OrleansGame.Grains.Tests.Infrastructure;

namespace OrleansGame.Grains.Tests.Rooms;

/// <summary>A room's recent events as the operations console reads them: bounded, newest first, and carried across a move.</summary>
[Collection(GameClusterCollection.Name)]
public sealed class RoomRecentEventsTests(GameClusterFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RecentEvents_AfterManyJoinsAndLeaves_AreTheNewestFifty_NewestFirst()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var roomId = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.RoomId;
        var room = fixture.Client.GetGrain<IRoomGrain>(roomId);
        var visitors = Enumerable.Range(0, 30).Select(i => $"p-{Guid.NewGuid():N}").ToList();

        foreach (var visitor in visitors)
        {
            Assert.NotNull((await room.JoinAsync(visitor, "Visitor", observer: null)).Result);
            await room.LeaveAsync(visitor);
        }

        var events = (await room.InspectAsync())!.RecentEvents!;
        Assert.Equal(RoomLog.Capacity, events.Count);
        var members = events.Where(e => e.Code is RoomLogCodes.Joined or RoomLogCodes.Left).Select(e => (e.Code, e.PlayerId)).ToList();
        // Opened, Alice's join and the first visitors' fell out; what is left ends with the last visitor's leave.
        Assert.Equal((RoomLogCodes.Left, visitors[^1]), members[0]);
        Assert.Equal((RoomLogCodes.Joined, visitors[^1]), members[1]);
        Assert.DoesNotContain(events, e => e.Code == RoomLogCodes.Opened || e.PlayerId == alice.Id);
        Assert.Equal(events.Select(e => e.At).OrderDescending(), events.Select(e => e.At));
    }

    [Fact]
    public async Task RecentEvents_OfARoomAnOperatorMoves_TellTheMoveAndTheRestore_AfterWhatCameBefore()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob");
        var roomId = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.RoomId;
        var room = fixture.Client.GetGrain<IRoomGrain>(roomId);
        await bob.Grain.JoinRoomAsync(RoomRequests.ByCode(roomId));
        await bob.Grain.LeaveRoomAsync();
        var source = (await room.InspectAsync())!.Silo;
        var target = fixture.Cluster.GetActiveSilos().Select(s => s.SiloAddress).First(s => s.ToParsableString() != source);

        Assert.True(await room.MoveAsync(target));
        var moved = await Eventually.WaitAsync(async () => (await room.InspectAsync())!, v => v.Silo == target.ToParsableString(), "the room on the target silo", Bound);

        var story = moved.RecentEvents!.Reverse().Where(e => e.Code != RoomLogCodes.PhaseChanged).Select(e => (e.Code, e.PlayerId)).ToList();
        Assert.Equal(
            [
                (RoomLogCodes.Opened, null), (RoomLogCodes.Joined, alice.Id), (RoomLogCodes.Joined, bob.Id), (RoomLogCodes.Left, bob.Id),
                (RoomLogCodes.Moving, null), (RoomLogCodes.Deactivating, null), (RoomLogCodes.Restored, null),
            ],
            story);
        Assert.Contains(target.ToParsableString(), moved.RecentEvents![0].Text, StringComparison.Ordinal);
    }
}
