using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>The argument of <c>JoinRoom</c>: a room code, or null for quick join in <see cref="Mode"/> with <see cref="Properties"/>.</summary>
[GenerateSerializer, Immutable, Alias("game.JoinRoomRequest"), DataContract]
public sealed record JoinRoomRequest(
    [property: DataMember(Name = "roomId")] [Id(0)] string? RoomId,
    [property: DataMember(Name = "mode")] [Id(1)] string? Mode = null,
    [property: DataMember(Name = "properties")] [Id(2)] IReadOnlyDictionary<string, string>? Properties = null);
