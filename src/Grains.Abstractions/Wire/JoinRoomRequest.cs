using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>The argument of <c>JoinRoom</c>: a room code, or null for quick join.</summary>
[GenerateSerializer, Immutable, Alias("game.JoinRoomRequest"), DataContract]
public sealed record JoinRoomRequest(
    [property: DataMember(Name = "roomId")] [Id(0)] string? RoomId);
