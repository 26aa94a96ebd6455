using System.Text.Json;
using OrleansGame.Arena.Simulation;
using OrleansGame.Rooms;
using OrleansGame.Rooms.Hosting;
using OrleansGame.Rooms.Testing;

namespace OrleansGame.Arena.Tests.Infrastructure;

/// <summary>
/// One arena room driven the way the room host drives a mode, through <see cref="IHostedMode"/>: seats change before
/// the hooks are told, each tick advances the clock and hands over the batch, and the state and views are read as
/// the JSON the host would send or store.
/// </summary>
internal sealed class ArenaRoom
{
    public ArenaRoom(ArenaOptions? options = null, ulong seed = 7)
    {
        Mode = new ArenaMode(options ?? new ArenaOptions());
        Room = new TestRoom("arena", Mode.Settings.TickInterval) { Id = "k3x9qa" };
        State = (ArenaSimulation)Hosted.CreateState(new RoomSetup(Room.Id, false, Room.Properties, seed));
    }

    private ArenaRoom(ArenaMode mode, TestRoom room, ArenaSimulation state) => (Mode, Room, State) = (mode, room, state);

    public ArenaMode Mode { get; }

    public TestRoom Room { get; }

    public ArenaSimulation State { get; }

    private IHostedMode Hosted => Mode;

    public Member Join(string playerId, string name)
    {
        var member = Room.Seat(playerId, name);
        Hosted.OnJoin(State, Room, member);
        return member;
    }

    public void Drop(string playerId)
    {
        Hosted.OnLeave(State, Room, Room.SetAway(playerId, away: true), LeaveReason.Dropped);
    }

    public void Return(string playerId)
    {
        Hosted.OnReturn(State, Room, Room.SetAway(playerId, away: false));
    }

    public void Leave(string playerId, LeaveReason reason = LeaveReason.Left) =>
        Hosted.OnLeave(State, Room, Room.Unseat(playerId), reason);

    /// <summary>Runs one tick with <paramref name="messages"/> as its batch (sender, type, payload).</summary>
    public void Tick(params (string From, string Type, object Payload)[] messages)
    {
        Room.Tick++;
        Room.Now += Room.TickInterval;
        Hosted.OnTick(State, Room, [.. messages.Select(m => new RoomMessage(m.From, m.Type, m.Payload))]);
    }

    public void Ticks(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Tick();
        }
    }

    /// <summary>The state clients receive after the tick, as JSON.</summary>
    public string StateJson() => Serialize(Hosted.GetState(State, Room, null)!);

    /// <summary>The mode's part of <paramref name="playerId"/>'s join result, as JSON.</summary>
    public string JoinStateJson(string playerId) => Serialize(Hosted.GetJoinState(State, Room, Room.Find(playerId)!));

    /// <summary>The checkpoint, as the host writes it.</summary>
    public string CheckpointJson() => JsonSerializer.Serialize(State, Hosted.StateType, RoomJson.Options);

    /// <summary>
    /// A second room restored from this one's checkpoint, on a fresh mode and room with the same seats and clock,
    /// as on the silo a room is handed over to.
    /// </summary>
    public ArenaRoom Restored(ArenaOptions? options = null)
    {
        var mode = new ArenaMode(options ?? new ArenaOptions());
        var room = new TestRoom(Room.Mode, Room.TickInterval) { Id = Room.Id, Tick = Room.Tick, Now = Room.Now, Phase = Room.Phase };
        foreach (var member in Room.Members)
        {
            room.Seat(member.PlayerId, member.Name);
            room.SetAway(member.PlayerId, member.IsAway);
            room.SetRtt(member.PlayerId, member.RttMs);
        }

        var state = (ArenaSimulation)JsonSerializer.Deserialize(CheckpointJson(), ((IHostedMode)mode).StateType, RoomJson.Options)!;
        return new ArenaRoom(mode, room, state);
    }

    public static string Serialize(object payload) => JsonSerializer.Serialize(payload, payload.GetType(), RoomJson.Options);
}
