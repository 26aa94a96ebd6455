using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Tests.Infrastructure;

namespace OrleansGame.Grains.Tests.Hosting;

/// <summary>
/// What an idle room costs: nothing ticks while nobody is connected, held seats still expire, a room its creator
/// leaves alone ends at once, and a player cannot create rooms back to back.
/// </summary>
[Collection(ModeHostClusterCollection.Name)]
public sealed class IdleRoomTests(ModeHostClusterFixture fixture)
{
    [Fact]
    public async Task Room_NobodyConnected_StopsTickingUntilSomeoneReturns()
    {
        var alice = await ConnectAsync("Alice");
        var bob = await ConnectAsync("Bob");
        var roomId = (await alice.Player.CreateAsync("probe")).Result!.RoomId;
        Assert.Null((await bob.Player.JoinAsync(roomId)).Error);
        var seen = await bob.Player.Connection.WaitForStateAsync<ProbeView>(static s => s.Tick > 0, "the room ticking");

        await alice.Player.Grain.DetachAsync(alice.Reference);
        await bob.Player.Grain.DetachAsync(bob.Reference);
        var away = bob.Player.Connection.States<ProbeView>()[^1].Tick;

        // A second with nobody connected: twenty ticks at the probe's rate if the room kept ticking.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var back = fixture.Client.CreateObjectReference<IPlayerObserver>(bob.Player.Connection);
        await bob.Player.Grain.AttachAsync(back);
        var resumed = await bob.Player.Connection.WaitForStateAsync<ProbeView>(s => s.Tick > away, "the room ticking again");

        Assert.True(seen.Tick <= away);
        Assert.True(resumed.Tick - away <= 5, $"the room ran {resumed.Tick - away} ticks while nobody was connected");
        Assert.Equal(2, (await fixture.Room(roomId).GetInfoAsync()).Players);
    }

    [Fact]
    public async Task Room_EveryoneAwayPastTheSeatHold_SeatsAreStillReleased()
    {
        var alice = await ConnectAsync("Alice");
        var bob = await ConnectAsync("Bob");
        var roomId = (await alice.Player.CreateAsync("probe")).Result!.RoomId;
        Assert.Null((await bob.Player.JoinAsync(roomId)).Error);

        await bob.Player.Grain.DetachAsync(bob.Reference);
        await alice.Player.Grain.DetachAsync(alice.Reference);

        // The probe holds seats for 5 s; the sleeping room's timer releases them without a tick.
        await Eventually.WaitAsync(bob.Player.Grain.GetCurrentRoomAsync, static r => r is null, "bob's held seat to expire", TimeSpan.FromSeconds(15));
        await Eventually.WaitAsync(alice.Player.Grain.GetCurrentRoomAsync, static r => r is null, "alice's held seat to expire", TimeSpan.FromSeconds(15));
        Assert.Equal(0, (await fixture.Room(roomId).GetInfoAsync()).Players);
    }

    [Fact]
    public async Task Room_CreatorLeavesAlone_EndsAtOnce()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob");
        var roomId = (await alice.CreateAsync("probe")).Result!.RoomId;

        await alice.Grain.LeaveRoomAsync();
        var late = await bob.JoinAsync(roomId);

        // Without it the room would wait its empty lifetime (30 s) for somebody to join.
        Assert.Equal(ErrorCodes.RoomNotFound, late.Error?.Code);
    }

    [Fact]
    public async Task Room_CreatorLeavesOthersSeated_GoesOn()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob");
        var roomId = (await alice.CreateAsync("probe")).Result!.RoomId;
        Assert.Null((await bob.JoinAsync(roomId)).Error);

        await alice.Grain.LeaveRoomAsync();

        Assert.Equal(1, (await fixture.Room(roomId).GetInfoAsync()).Players);
        Assert.Null((await alice.JoinAsync(roomId)).Error);
    }

    [Fact]
    public async Task Create_AgainWithinTheCooldown_IsRateLimitedThenAllowed()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        Assert.Null((await alice.CreateAsync("probe")).Error);
        await alice.Grain.LeaveRoomAsync();

        var again = await alice.CreateAsync("probe");
        var quick = await alice.QuickJoinAsync("probe", new Dictionary<string, string>());

        Assert.Equal(ErrorCodes.RateLimited, again.Error?.Code);
        Assert.Null(quick.Error);
        await alice.Grain.LeaveRoomAsync();

        // The default cooldown is 2 s.
        var later = await Eventually.WaitAsync(() => alice.CreateAsync("probe"), static o => o.Error is null, "a create after the cooldown", TimeSpan.FromSeconds(10));
        Assert.NotNull(later.Result);
    }

    private async Task<(ModePlayer Player, IPlayerObserver Reference)> ConnectAsync(string name)
    {
        var id = $"p-{Guid.NewGuid():N}";
        var grain = fixture.Client.GetGrain<IPlayerGrain>(id);
        await grain.RegisterAsync(name);
        var connection = new ModeObserver();
        var reference = fixture.Client.CreateObjectReference<IPlayerObserver>(connection);
        await grain.AttachAsync(reference);
        return (new ModePlayer(id, grain, connection), reference);
    }
}
