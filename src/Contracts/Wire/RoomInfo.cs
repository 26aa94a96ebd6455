using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>A room as listed by <c>GET /api/rooms</c> and reported to its matchmaker.</summary>
[GenerateSerializer, Immutable, Alias("game.RoomInfo"), DataContract]
public sealed record RoomInfo(
    [property: DataMember(Name = "roomId")] [Id(0)] string RoomId,
    [property: DataMember(Name = "players")] [Id(1)] int Players,
    [property: DataMember(Name = "capacity")] [Id(2)] int Capacity,
    [property: DataMember(Name = "phase")] [Id(3)] string Phase,
    [property: DataMember(Name = "isPrivate")] [Id(4)] bool IsPrivate,
    [property: DataMember(Name = "mode")] [Id(5)] string Mode = "",
    [property: DataMember(Name = "joinable")] [Id(6)] bool Joinable = true);
