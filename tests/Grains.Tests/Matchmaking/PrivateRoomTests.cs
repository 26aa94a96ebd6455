using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Grains.Tests.Infrastructure;
using OrleansGame.Modes;

namespace OrleansGame.Grains.Tests.Matchmaking;

[Collection(ShortTimingsClusterCollection.Name)]
public sealed class PrivateRoomTests(ShortTimingsClusterFixture fixture)
{
    [Fact]
    public async Task PrivateRoom_IsInvisibleToQuickJoinAndTheRoomListButJoinableByCode()
    {
        var alice = await fixture.NewPlayerAsync("Alice", attach: false);
        var bob = await fixture.NewPlayerAsync("Bob", attach: false);
        var carol = await fixture.NewPlayerAsync("Carol", attach: false);
        var created = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.ToArena();
        var matchmaker = fixture.Client.GetGrain<IMatchmakerGrain>(MatchmakerKeys.Partition(MatchmakerKeys.For(ShippedModes.ArenaName, null), 0));

        var quick = (await bob.Grain.JoinRoomAsync(RoomRequest.QuickJoin)).Result!.ToArena();
        var byCode = (await carol.Grain.JoinRoomAsync(RoomRequests.ByCode(created.RoomId))).Result!.ToArena();
        var listed = await matchmaker.ListRoomsAsync();

        Assert.True(created.IsPrivate);
        Assert.NotEqual(created.RoomId, quick.RoomId);
        Assert.False(quick.IsPrivate);
        Assert.DoesNotContain(listed, r => r.RoomId == created.RoomId);
        Assert.Contains(listed, r => r.RoomId == quick.RoomId);
        Assert.Equal(created.RoomId, byCode.RoomId);
        Assert.Equal([alice.Id, carol.Id], byCode.Roster.Select(r => r.PlayerId));
        Assert.Equal(ErrorCodes.AlreadyInRoom, (await carol.Grain.JoinRoomAsync(RoomRequest.QuickJoin)).Error!.Code);

        await bob.Grain.LeaveRoomAsync();
        Assert.Null(await bob.Grain.GetCurrentRoomAsync());
    }
}
