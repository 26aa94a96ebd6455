using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Rooms;

/// <summary>
/// A room at one tick: the host's part (seats, clock, phase) and the mode's state as JSON, enough to resume play
/// exactly there on any silo, whatever the mode.
/// </summary>
/// <param name="Spec">The mode, privacy and properties the room was opened with.</param>
/// <param name="Tick">Ticks run.</param>
/// <param name="Phase">The phase the room list shows.</param>
/// <param name="InProgress">Whether the mode marked a game under way.</param>
/// <param name="Seats">The seats, in join order.</param>
/// <param name="State">The mode's state, serialised with the room API's JSON options.</param>
/// <param name="EmptySince">When the room became empty, if it is.</param>
/// <param name="Creator">The player whose join opened the room, while seated: the room ends as soon as that player leaves it alone.</param>
/// <param name="Recent">The room's recent events for the operations console, oldest first (at most <see cref="RoomLog.Capacity"/>).</param>
[GenerateSerializer, Immutable, Alias("game.RoomHostCheckpoint")]
internal sealed record RoomCheckpoint(
    [Id(0)] RoomSpec Spec,
    [Id(1)] long Tick,
    [Id(2)] string Phase,
    [Id(3)] bool InProgress,
    [Id(4)] IReadOnlyList<SeatCheckpoint> Seats,
    [Id(5)] JsonPayload State,
    [Id(6)] DateTimeOffset? EmptySince,
    [Id(7)] string? Creator = null,
    [Id(8)] IReadOnlyList<RoomLogEntry>? Recent = null);
