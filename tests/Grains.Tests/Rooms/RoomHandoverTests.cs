using OrleansGame.Arena;
using OrleansGame.Arena.Wire;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Tests.Infrastructure;

namespace OrleansGame.Grains.Tests.Rooms;

[Collection(GameClusterCollection.Name)]
public sealed class RoomHandoverTests(GameClusterFixture fixture)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Room_MovedOrDeactivatedMidRound_ResumesFromItsCheckpointWithPositionsAndScoresIntact(bool migrate)
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob");
        var joined = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.ToArena();
        var room = fixture.Client.GetGrain<IRoomGrain>(joined.RoomId);
        await bob.Grain.JoinRoomAsync(RoomRequests.ByCode(joined.RoomId));
        var seq = await Steering.CollectAsync(alice, room, joined, target: 2);
        var stopped = await Steering.StopAsync(alice, room, ++seq);
        var before = alice.Connection.Snapshots[^1];

        var source = Host(room);
        var target = fixture.Cluster.GetActiveSilos().First(s => s.SiloAddress != source).SiloAddress;
        if (migrate)
        {
            await fixture.Cluster.MigrateAsync(room, target).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
        else
        {
            await fixture.Cluster.DeactivateAsync(room).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            Assert.Null(Host(room));
        }

        var info = await room.GetInfoAsync();
        var resumed = await alice.Connection.WaitForSnapshotAsync(s => s.Tick > before.Tick && Host(room) is not null, what: "a snapshot from the new activation");

        if (migrate)
        {
            Assert.Equal(target, Host(room));
        }

        Assert.Equal(2, info.Players);
        Assert.Equal(RoomPhases.Playing, resumed.Phase);
        Assert.True(before.Players[0].Score >= 2);
        Assert.Equal(
            before.Players.Select(p => (p.PlayerId, p.X, p.Y, p.Score, p.AckSeq)),
            resumed.Players.Select(p => (p.PlayerId, p.X, p.Y, p.Score, p.AckSeq)));
        Assert.Equal((stopped.X, stopped.Y), (resumed.Players[0].X, resumed.Players[0].Y));
        Assert.Contains(bob.Connection.Snapshots, s => s.Tick > before.Tick);

        // The restored sequence still rejects the old one and accepts the next.
        await room.SendInputAsync(alice.Id, new InputMessage(seq, 1, 0));
        await room.SendInputAsync(alice.Id, new InputMessage(seq + 1, 0, 0));
        var next = await alice.Connection.WaitForSnapshotAsync(s => s.Players[0].AckSeq == seq + 1);
        Assert.Equal((stopped.X, stopped.Y), (next.Players[0].X, next.Players[0].Y));
    }

    private SiloAddress? Host(IRoomGrain room) =>
        fixture.Cluster.TryGetGrainContext(room.GetGrainId(), out var context) ? context.Address.SiloAddress : null;
}
