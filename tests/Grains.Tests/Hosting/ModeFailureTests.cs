using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Observability;
using OrleansGame.Grains.Tests.Infrastructure;

namespace OrleansGame.Grains.Tests.Hosting;

/// <summary>A mode that throws in its tick ends its own room, visibly and countably; every other room keeps ticking.</summary>
[Collection(ModeHostClusterCollection.Name)]
public sealed class ModeFailureTests(ModeHostClusterFixture fixture)
{
    [Fact]
    public async Task Tick_ModeThrows_EndsThatRoomOnlyAndIsLoggedAndCounted()
    {
        // Either silo may host the room: read the counter of both.
        using var first = ModeErrors(0);
        using var second = ModeErrors(1);
        var victim = await fixture.NewPlayerAsync("Victim");
        var bystander = await fixture.NewPlayerAsync("Bystander");
        var neighbour = await fixture.NewPlayerAsync("Neighbour");
        var broken = (await victim.CreateAsync("faulty")).Result!.RoomId;
        var healthy = (await bystander.CreateAsync("faulty")).Result!.RoomId;
        var probe = (await neighbour.CreateAsync("probe")).Result!.RoomId;

        await fixture.Room(broken).DeliverAsync([ModeHostClusterFixture.Message(victim, "boom", new Boom())]);

        Assert.NotNull(await victim.Connection.WaitForErrorAsync(ErrorCodes.RoomFailed));
        await Eventually.WaitAsync(victim.Grain.GetCurrentRoomAsync, static r => r is null, "the victim's seat released");
        // Waited for, not read: the room pushes its events one-way (a fresh-clone run read none yet).
        Assert.NotNull(await victim.Connection.WaitForEventAsync(e => e.Type == RoomEventTypes.PlayerLeft && e.PlayerId == victim.Id, "the victim's player_left"));
        var counted = await Eventually.WaitAsync(
            () => Task.FromResult<IReadOnlyList<CollectedMeasurement<long>>>([.. first.GetMeasurementSnapshot(), .. second.GetMeasurementSnapshot()]),
            static m => m.Count >= 1, "the error counted");
        Assert.Contains(counted, static m => (string?)m.Tags["mode"] == "faulty" && (string?)m.Tags["hook"] == "OnTick");

        // The other room of the same mode and the room of another mode keep ticking.
        // (Waited for, not read: a room's state is pushed one-way, and the first one may not have arrived yet.)
        var ticks = (await bystander.Connection.WaitForStateAsync<FaultyState>(static _ => true, "the healthy room's state")).Ticks;
        await bystander.Connection.WaitForStateAsync<FaultyState>(s => s.Ticks >= ticks + 5, "the healthy room ticking on");
        var probeTick = (await neighbour.Connection.WaitForStateAsync<ProbeView>(static _ => true, "the probe room's state")).Tick;
        await neighbour.Connection.WaitForStateAsync<ProbeView>(s => s.Tick >= probeTick + 5, "the probe room ticking on");
        Assert.Empty(bystander.Connection.Errors);

        // The failed room is gone: its code finds nothing, and its player can play elsewhere.
        Assert.Equal(ErrorCodes.RoomNotFound, (await victim.JoinAsync(broken)).Error!.Code);
        Assert.NotNull((await victim.JoinAsync(healthy)).Result);
    }

    private MetricCollector<long> ModeErrors(int silo) =>
        new(fixture.Cluster.Silos[silo].SiloHost.Services.GetRequiredService<IMeterFactory>(), GrainTelemetry.MeterName, "orleansgame.rooms.mode_errors");
}
