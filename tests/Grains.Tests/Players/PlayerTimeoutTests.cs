using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Tests.Infrastructure;
using OrleansGame.Modes;

namespace OrleansGame.Grains.Tests.Players;

[Collection(ShortTimingsClusterCollection.Name)]
public sealed class PlayerTimeoutTests(ShortTimingsClusterFixture fixture)
{
    [Fact]
    public async Task Ping_ConnectionNeverAnswers_ClosesWithPingTimeoutAndTheSeatIsReleasedAfterTheWindow()
    {
        var alice = await fixture.NewPlayerAsync("Alice", answerPings: false);
        var code = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.RoomId;

        var closing = await alice.Connection.WaitForAsync(o => o.Closings.FirstOrDefault());

        Assert.Equal(ClosingReasons.PingTimeout, closing.Reason);
        Assert.True(alice.Connection.Pings.Count >= 3, "pings kept coming until the timeout");
        Assert.Equal(ClosingReasons.PingTimeout, (await alice.Grain.RenewAsync(alice.Reference))?.Reason);
        await Eventually.WaitAsync(alice.Grain.GetCurrentRoomAsync, r => r is null, "the seat to be released");
        Assert.Equal(0, (await fixture.Client.GetGrain<IRoomGrain>(code).GetInfoAsync()).Players);
    }

    [Fact]
    public async Task Ping_ConnectionAnswers_IsNeverTimedOut()
    {
        var alice = await fixture.NewPlayerAsync("Alice");

        await alice.Connection.WaitForAsync(o => o.Pings.Count >= 14 ? o : null, TimeSpan.FromSeconds(15), "a dozen pings");

        Assert.Empty(alice.Connection.Closings);
        Assert.Null(await alice.Grain.RenewAsync(alice.Reference));
    }

    [Fact]
    public async Task Detach_PastTheReconnectWindow_LosesTheSeat()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob");
        var code = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.RoomId;
        await bob.Grain.JoinRoomAsync(RoomRequests.ByCode(code));

        await alice.Grain.DetachAsync(alice.Reference);
        var left = await bob.Connection.WaitForEventAsync(RoomEventTypes.PlayerLeft, e => e.PlayerId == alice.Id);
        await Eventually.WaitAsync(alice.Grain.GetCurrentRoomAsync, r => r is null, "alice's seat to be released");
        var (again, againRef) = fixture.NewConnection(alice.Grain);
        await alice.Grain.AttachAsync(againRef);
        var snapshot = await bob.Connection.WaitForSnapshotAsync(s => s.Players.Count == 1);

        Assert.NotNull(left);
        Assert.Equal(bob.Id, snapshot.Players[0].PlayerId);
        Assert.Empty(again.RoomStates);
        Assert.NotNull((await alice.Grain.JoinRoomAsync(RoomRequests.ByCode(code))).Result);
    }

    [Fact]
    public async Task Room_EmptyPastTheDisposeDelay_IsDisposedAndForgotten()
    {
        var alice = await fixture.NewPlayerAsync("Alice", attach: false);
        var bob = await fixture.NewPlayerAsync("Bob", attach: false);
        var code = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: false))).Result!.RoomId;
        var matchmaker = fixture.Client.GetGrain<IMatchmakerGrain>(MatchmakerKeys.Partition(MatchmakerKeys.For(ShippedModes.ArenaName, null), 0));
        // The room reports itself to its partition one-way: wait for the report, then see it go.
        await Eventually.WaitAsync(matchmaker.ListRoomsAsync, rooms => rooms.Any(r => r.RoomId == code), "the room to be reported");

        await alice.Grain.LeaveRoomAsync();
        await Eventually.WaitAsync(matchmaker.ListRoomsAsync, rooms => rooms.All(r => r.RoomId != code), "the room to be disposed");
        var outcome = await bob.Grain.JoinRoomAsync(RoomRequests.ByCode(code));

        Assert.Equal(ErrorCodes.RoomNotFound, outcome.Error?.Code);
        Assert.Null(await alice.Grain.GetCurrentRoomAsync());
    }
}
