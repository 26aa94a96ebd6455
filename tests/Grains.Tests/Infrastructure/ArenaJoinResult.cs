using OrleansGame.Arena.Wire;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Tests.Infrastructure;

/// <summary>
/// The arena's <c>JoinResult</c> as a client reads it from <see cref="JoinedRoom.Result"/>: the host's fields, then the
/// arena's (orbs, snapshot, geometry), then the mode.
/// </summary>
public sealed record ArenaJoinResult(
    string RoomId,
    string PlayerId,
    int Capacity,
    bool IsPrivate,
    IReadOnlyList<RosterEntry> Roster,
    IReadOnlyList<OrbState> Orbs,
    Snapshot Snapshot,
    ArenaGeometry Arena,
    string Mode);
