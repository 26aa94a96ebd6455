using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Observability;
using OrleansGame.Grains.Tests.Infrastructure;

namespace OrleansGame.Grains.Tests.Players;

[Collection(GameClusterCollection.Name)]
public sealed class PlayerConnectionTests(GameClusterFixture fixture)
{
    [Fact]
    public async Task Attach_SecondConnection_ClosesTheFirstWithDuplicateSessionAndResumesTheSeat()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var code = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.RoomId;
        var (second, secondRef) = fixture.NewConnection(alice.Grain);

        await alice.Grain.AttachAsync(secondRef);

        var closing = await alice.Connection.WaitForAsync(o => o.Closings.FirstOrDefault());
        Assert.Equal(ClosingReasons.DuplicateSession, closing.Reason);
        var state = await second.WaitForAsync(o => o.RoomStates.FirstOrDefault());
        Assert.Equal(code, state.RoomId);
        Assert.Contains(state.Roster, r => r.PlayerId == alice.Id);
        await second.WaitForSnapshotAsync(_ => true);
        Assert.Equal(ClosingReasons.DuplicateSession, (await alice.Grain.RenewAsync(alice.Reference))?.Reason);
        Assert.Null(await alice.Grain.RenewAsync(secondRef));
    }

    [Fact]
    public async Task Renew_AfterThePlayerGrainWasReactivated_TakesTheConnectionBackAndResumesTheSeat()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var code = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.RoomId;
        var (stranger, strangerRef) = fixture.NewConnection();

        await fixture.Cluster.DeactivateAsync(alice.Grain).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var pingsBefore = alice.Connection.Pings.Count;
        var renewed = await alice.Grain.RenewAsync(alice.Reference);

        Assert.Null(renewed);
        var state = await alice.Connection.WaitForAsync(o => o.RoomStates.FirstOrDefault());
        Assert.Equal(code, state.RoomId);
        await alice.Connection.WaitForAsync(o => o.Pings.Count > pingsBefore ? o : null, what: "pings to resume");
        Assert.Equal(ClosingReasons.DuplicateSession, (await alice.Grain.RenewAsync(strangerRef))?.Reason);
        Assert.Empty(stranger.Pings);
    }

    [Fact]
    public async Task Resync_OfTheCurrentConnection_PushesItsSeatAgain_AndOfAnotherOneClosesIt()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var code = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.RoomId;
        var (stranger, strangerRef) = fixture.NewConnection();
        var before = alice.Connection.RoomStates.Count;
        using var resumed = SeatsResumed();

        Assert.Null(await alice.Grain.ResyncAsync(alice.Reference));

        var state = await alice.Connection.WaitForAsync(o => o.RoomStates.Count > before ? o.RoomStates[^1] : null, what: "the seat pushed again");
        Assert.Equal(code, state.RoomId);
        Assert.Contains(state.Roster, r => r.PlayerId == alice.Id);
        Assert.Equal(ClosingReasons.DuplicateSession, (await alice.Grain.ResyncAsync(strangerRef))?.Reason);
        Assert.Empty(stranger.RoomStates);
        Assert.Equal(0, resumed.Count);
    }

    [Fact]
    public async Task Pong_FromConnection_MeasuresRttAndShowsItInSnapshots()
    {
        var alice = await fixture.NewPlayerAsync("Alice", attach: false);
        alice.Connection.PongDelay = TimeSpan.FromMilliseconds(60);
        await alice.Grain.AttachAsync(alice.Reference);
        await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true));

        var first = await alice.Connection.WaitForAsync(o => o.Pings.FirstOrDefault());
        var measured = await alice.Connection.WaitForSnapshotAsync(s => s.Players[0].RttMs > 0, TimeSpan.FromSeconds(10), "a measured rtt");

        Assert.Equal(1, first.Seq);
        Assert.InRange(measured.Players[0].RttMs, 50, 5_000);
    }

    [Fact]
    public async Task Detach_WithinReconnectWindow_KeepsSeatAndScoreUntilTheNextAttachResumesIt()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob");
        var joined = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.ToArena();
        var room = fixture.Client.GetGrain<IRoomGrain>(joined.RoomId);
        await bob.Grain.JoinRoomAsync(RoomRequests.ByCode(joined.RoomId));
        var seq = await Steering.CollectAsync(alice, room, joined, target: 1);
        var stopped = await Steering.StopAsync(alice, room, ++seq);

        using var resumed = SeatsResumed();
        await alice.Grain.DetachAsync(alice.Reference);
        var away = await bob.Connection.WaitForSnapshotAsync(s => s.Players.Any(p => p.PlayerId == alice.Id && p.Away));
        var (again, againRef) = fixture.NewConnection(alice.Grain);
        await alice.Grain.AttachAsync(againRef);
        var state = await again.WaitForAsync(o => o.RoomStates.FirstOrDefault());
        var back = await bob.Connection.WaitForSnapshotAsync(s => s.Tick > away.Tick && s.Players.Any(p => p.PlayerId == alice.Id && !p.Away));

        var awayAlice = away.Players.Single(p => p.PlayerId == alice.Id);
        Assert.Equal((stopped.X, stopped.Y, stopped.Score), (awayAlice.X, awayAlice.Y, awayAlice.Score));
        Assert.True(stopped.Score >= 1);
        Assert.Equal(joined.RoomId, await alice.Grain.GetCurrentRoomAsync());
        Assert.Equal(stopped.Score, state.Snapshot.Players.Single(p => p.PlayerId == alice.Id).Score);
        Assert.Equal(stopped.Score, back.Players.Single(p => p.PlayerId == alice.Id).Score);
        Assert.DoesNotContain(bob.Connection.Events, e => e.Type == RoomEventTypes.PlayerLeft);
        Assert.Equal(1, resumed.Count);
    }

    [Fact]
    public async Task Register_Player_ProfileSurvivesDeactivation()
    {
        var alice = await fixture.NewPlayerAsync("  Alice  ", attach: false);
        var created = (await alice.Grain.GetProfileAsync())!;

        await fixture.Cluster.DeactivateAsync(alice.Grain).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var profile = await alice.Grain.GetProfileAsync();

        Assert.Equal("Alice", created.Name);
        Assert.Equal(created, profile);
        Assert.Null(await fixture.Client.GetGrain<IPlayerGrain>($"p-{Guid.NewGuid():N}").GetProfileAsync());
    }

    /// <summary>The seats every silo counted as taken back from now on (the room may live on either).</summary>
    private SeatCounter SeatsResumed() => new([.. fixture.Cluster.Silos.Select(static silo => new MetricCollector<long>(
        silo.SiloHost.Services.GetRequiredService<IMeterFactory>(), GrainTelemetry.MeterName, "orleansgame.seats.resumed"))]);

    /// <summary>The measurements of one counter on several silos, summed.</summary>
    private sealed class SeatCounter(MetricCollector<long>[] silos) : IDisposable
    {
        public long Count => silos.Sum(static silo => silo.GetMeasurementSnapshot().Sum(static m => m.Value));

        public void Dispose()
        {
            foreach (var silo in silos)
            {
                silo.Dispose();
            }
        }
    }
}
