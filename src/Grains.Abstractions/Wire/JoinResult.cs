using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>The full state a client needs to start drawing a room; also pushed as <c>RoomState</c> when a seat is resumed.</summary>
[GenerateSerializer, Immutable, Alias("game.JoinResult"), DataContract]
public sealed record JoinResult(
    [property: DataMember(Name = "roomId")] [Id(0)] string RoomId,
    [property: DataMember(Name = "playerId")] [Id(1)] string PlayerId,
    [property: DataMember(Name = "capacity")] [Id(2)] int Capacity,
    [property: DataMember(Name = "isPrivate")] [Id(3)] bool IsPrivate,
    [property: DataMember(Name = "roster")] [Id(4)] IReadOnlyList<RosterEntry> Roster,
    [property: DataMember(Name = "orbs")] [Id(5)] IReadOnlyList<OrbState> Orbs,
    [property: DataMember(Name = "snapshot")] [Id(6)] Snapshot Snapshot);
