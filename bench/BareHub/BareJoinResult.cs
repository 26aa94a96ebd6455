using System.Runtime.Serialization;
using OrleansGame.Arena.Wire;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.BareHub;

/// <summary>
/// The arena's <c>JoinResult</c> in the game's field order (the room host's fields, the arena's, then the mode), which
/// the game writes as JSON from the room host and the bare hub from this record.
/// </summary>
/// <remarks>Public because MessagePack's dynamic formatter builds formatters for public types only.</remarks>
[DataContract]
public sealed record BareJoinResult(
    [property: DataMember(Name = "roomId")] string RoomId,
    [property: DataMember(Name = "playerId")] string PlayerId,
    [property: DataMember(Name = "capacity")] int Capacity,
    [property: DataMember(Name = "isPrivate")] bool IsPrivate,
    [property: DataMember(Name = "roster")] IReadOnlyList<RosterEntry> Roster,
    [property: DataMember(Name = "orbs")] IReadOnlyList<OrbState> Orbs,
    [property: DataMember(Name = "snapshot")] Snapshot Snapshot,
    [property: DataMember(Name = "arena")] ArenaGeometry Arena,
    [property: DataMember(Name = "mode")] string Mode);
