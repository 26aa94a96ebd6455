namespace OrleansGame.Grains.Rooms;

/// <summary>A room's state at one tick: enough to resume play exactly there after a hand-over.</summary>
/// <param name="IsPrivate">Whether the room is joinable by code only.</param>
/// <param name="Tick">The arena's tick count.</param>
/// <param name="Phase">The round's phase (the numeric value of the arena phase).</param>
/// <param name="PhaseRemainingSeconds">Seconds left in the phase.</param>
/// <param name="RandomState">The arena generator's state, so orbs respawn where they would have.</param>
/// <param name="Members">The seated players, in arena order.</param>
/// <param name="Orbs">Every orb's position; an orb's id is its index.</param>
/// <param name="EmptySince">When the room became empty, if it is.</param>
[GenerateSerializer, Immutable, Alias("game.RoomCheckpoint")]
internal sealed record RoomCheckpoint(
    [Id(0)] bool IsPrivate,
    [Id(1)] long Tick,
    [Id(2)] int Phase,
    [Id(3)] double PhaseRemainingSeconds,
    [Id(4)] ulong RandomState,
    [Id(5)] IReadOnlyList<MemberCheckpoint> Members,
    [Id(6)] IReadOnlyList<OrbCheckpoint> Orbs,
    [Id(7)] DateTimeOffset? EmptySince);
