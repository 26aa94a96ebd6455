using OrleansGame.Arena;
using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Tests.Infrastructure;

namespace OrleansGame.Grains.Tests.Rooms;

/// <summary>The mode's own changes to a room (the arena's rounds) among the room's recent events, with short rounds.</summary>
[Collection(ShortTimingsClusterCollection.Name)]
public sealed class RoomPhaseEventsTests(ShortTimingsClusterFixture fixture)
{
    [Fact]
    public async Task RecentEvents_OfARoundThatEndsAndRestarts_TellThePhaseChanges_InOrder()
    {
        var alice = await fixture.NewPlayerAsync("Alice");
        var bob = await fixture.NewPlayerAsync("Bob");
        var roomId = (await alice.Grain.CreateRoomAsync(RoomRequests.Create(isPrivate: true))).Result!.RoomId;
        var room = fixture.Client.GetGrain<IRoomGrain>(roomId);
        await bob.Grain.JoinRoomAsync(RoomRequests.ByCode(roomId));

        await bob.Connection.WaitForEventAsync(ArenaEventTypes.RoundEnded);
        await bob.Connection.WaitForEventAsync(ArenaEventTypes.RoundStarted);
        var events = await Eventually.WaitAsync(
            async () => (await room.InspectAsync())!.RecentEvents!,
            list => list.Count(e => e.Code == RoomLogCodes.PhaseChanged) >= 2,
            "the round's end and the next one's start among the room's events");
        await alice.Grain.LeaveRoomAsync();
        await bob.Grain.LeaveRoomAsync();

        var phases = events.Reverse().Where(e => e.Code == RoomLogCodes.PhaseChanged).Take(2).Select(e => e.Text).ToList();
        Assert.Equal([$"phase {RoomPhases.Playing} → {RoomPhases.Results}", $"phase {RoomPhases.Results} → {RoomPhases.Playing}"], phases);
    }
}
