using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>A seat change in a room, sent by the host for every mode; <see cref="Type"/> is one of <see cref="RoomEventTypes"/>.</summary>
[GenerateSerializer, Immutable, Alias("game.RoomEvent"), DataContract]
public sealed record RoomEvent(
    [property: DataMember(Name = "type")] [Id(0)] string Type,
    [property: DataMember(Name = "playerId")] [Id(1)] string? PlayerId = null,
    [property: DataMember(Name = "name")] [Id(2)] string? Name = null);
