using System.Runtime.Serialization;

namespace OrleansGame.Arena.Wire;

/// <summary>
/// The arena's part of the join result (also pushed as <c>RoomState</c> when a seat is resumed): the host writes its
/// fields (<c>roomId</c>, <c>playerId</c>, <c>capacity</c>, <c>isPrivate</c>, <c>roster</c>) before these, and
/// <c>mode</c> after.
/// </summary>
[DataContract]
public sealed record ArenaJoinState(
    [property: DataMember(Name = "orbs")] IReadOnlyList<OrbState> Orbs,
    [property: DataMember(Name = "snapshot")] Snapshot Snapshot,
    [property: DataMember(Name = "arena")] ArenaGeometry Arena);
