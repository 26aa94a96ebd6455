using System.Runtime.Serialization;
using OrleansGame.Arena.Wire;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>
/// An arena room's join result (also pushed as <c>RoomState</c>) as a client reads it: the host's fields, the arena's
/// (<see cref="ArenaJoinState"/>) and the mode; the gateway itself carries it as JSON it does not read.
/// </summary>
[DataContract]
public sealed record JoinResult(
    [property: DataMember(Name = "roomId")] string RoomId,
    [property: DataMember(Name = "playerId")] string PlayerId,
    [property: DataMember(Name = "capacity")] int Capacity,
    [property: DataMember(Name = "isPrivate")] bool IsPrivate,
    [property: DataMember(Name = "roster")] IReadOnlyList<RosterEntry> Roster,
    [property: DataMember(Name = "orbs")] IReadOnlyList<OrbState> Orbs,
    [property: DataMember(Name = "snapshot")] Snapshot Snapshot,
    [property: DataMember(Name = "arena")] ArenaGeometry? Arena = null,
    [property: DataMember(Name = "mode")] string? Mode = null);
