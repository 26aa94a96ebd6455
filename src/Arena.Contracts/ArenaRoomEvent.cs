using System.Runtime.Serialization;

namespace OrleansGame.Arena.Wire;

/// <summary>
/// A round event the arena sends as <c>RoomEvent</c>; <see cref="Type"/> is <see cref="ArenaEventTypes.RoundStarted"/>
/// or <see cref="ArenaEventTypes.RoundEnded"/>. Its shape is the host's seat events' plus <see cref="Results"/>, so
/// clients read every <c>RoomEvent</c> into this one type.
/// </summary>
[DataContract]
public sealed record ArenaRoomEvent(
    [property: DataMember(Name = "type")] string Type,
    [property: DataMember(Name = "playerId")] string? PlayerId = null,
    [property: DataMember(Name = "name")] string? Name = null,
    [property: DataMember(Name = "results")] IReadOnlyList<RoundResult>? Results = null);
