using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>
/// Something that happened to a live room, as the operations console lists it among the room's recent events: when,
/// a stable code (<see cref="RoomLogCodes"/>), a short text, and the player it concerns, if one.
/// </summary>
[GenerateSerializer, Immutable, Alias("game.RoomLogEntry"), DataContract]
public sealed record RoomLogEntry(
    [property: DataMember(Name = "at")] [Id(0)] DateTimeOffset At,
    [property: DataMember(Name = "code")] [Id(1)] string Code,
    [property: DataMember(Name = "text")] [Id(2)] string Text,
    [property: DataMember(Name = "playerId")] [Id(3)] string? PlayerId = null);
