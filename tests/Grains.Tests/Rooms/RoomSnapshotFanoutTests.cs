using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Tests.Infrastructure;

namespace OrleansGame.Grains.Tests.Rooms;

[Collection(GameClusterCollection.Name)]
public sealed class RoomSnapshotFanoutTests(GameClusterFixture fixture)
{
    [Fact]
    public async Task Tick_MembersOnOneGateway_GetOnePushPerTickForAllOfThem_OthersTheirOwn()
    {
        var gateway = new TestGateway();
        var gatewayReference = fixture.Client.CreateObjectReference<IGatewayObserver>(gateway);
        var alice = await fixture.NewPlayerAsync("Alice", attach: false);
        var bob = await fixture.NewPlayerAsync("Bob", attach: false);
        var carol = await fixture.NewPlayerAsync("Carol");
        await alice.Grain.AttachAsync(alice.Reference, gatewayReference);
        await bob.Grain.AttachAsync(bob.Reference, gatewayReference);

        var code = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.RoomId;
        Assert.NotNull((await bob.Grain.JoinRoomAsync(RoomRequests.ByCode(code))).Result);
        Assert.NotNull((await carol.Grain.JoinRoomAsync(RoomRequests.ByCode(code))).Result);

        // Every tick after all three sat down: one push to the gateway naming Alice's and Bob's observers, and
        // Carol's own snapshot of the same tick.
        var both = new[] { alice.Reference.GetGrainId(), bob.Reference.GetGrainId() }.Order().ToArray();
        // Orleans does not order one-way calls (a burst that was held up can arrive reversed), so the window is the
        // pushes of eleven ticks in tick order, once all of them are in.
        var first = await gateway.WaitForPushAsync(p => p.Snapshot.Players.Count == 3);
        var window = await Eventually.WaitAsync(
            () => Task.FromResult(gateway.Pushes.Where(p => p.Snapshot.Tick >= first.Snapshot.Tick && p.Snapshot.Tick <= first.Snapshot.Tick + 10).OrderBy(p => p.Snapshot.Tick).ToList()),
            pushes => pushes.Count >= 11,
            "the pushes of eleven ticks");
        var later = window[^1];
        Assert.Equal(Enumerable.Range(0, 11).Select(i => first.Snapshot.Tick + i), window.Select(p => p.Snapshot.Tick));
        Assert.All(window, p => Assert.Equal(both, p.Observers.Order().ToArray()));
        var carolsLater = await carol.Connection.WaitForSnapshotAsync(s => s.Tick == later.Snapshot.Tick);
        Assert.Equal(later.Snapshot.ServerTime, carolsLater.ServerTime);
        Assert.Equal(later.Snapshot.Players, carolsLater.Players);
        Assert.Empty(alice.Connection.Snapshots);
        Assert.Empty(bob.Connection.Snapshots);

        // Bob comes back through a connection without a gateway: from then on his snapshots come to it directly.
        var (bobsNewConnection, bobsNewReference) = fixture.NewConnection(bob.Grain);
        await bob.Grain.AttachAsync(bobsNewReference);
        var direct = await bobsNewConnection.WaitForSnapshotAsync(_ => true);
        var aliceOnly = await gateway.WaitForPushAsync(p => p.Snapshot.Tick == direct.Tick + 1);
        Assert.Equal([alice.Reference.GetGrainId()], aliceOnly.Observers);
    }
}
