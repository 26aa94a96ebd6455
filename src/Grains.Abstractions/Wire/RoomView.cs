using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>
/// A live room as the operations console shows it: what the room list shows, where and how well it ticks, its members,
/// the state its mode shows a spectator (<see cref="State"/>, the mode's JSON; null when the mode shows none), and its
/// recent events, newest first (<see cref="RecentEvents"/>, a bounded log the room keeps).
/// </summary>
[GenerateSerializer, Immutable, Alias("game.RoomView"), DataContract]
public sealed record RoomView(
    [property: DataMember(Name = "room")] [Id(0)] RoomInfo Room,
    [property: DataMember(Name = "silo")] [Id(1)] string Silo,
    [property: DataMember(Name = "activeSince")] [Id(2)] DateTimeOffset ActiveSince,
    [property: DataMember(Name = "tick")] [Id(3)] long Tick,
    [property: DataMember(Name = "tickIntervalMs")] [Id(4)] double TickIntervalMs,
    [property: DataMember(Name = "latenessMs")] [Id(5)] double LatenessMs,
    [property: DataMember(Name = "members")] [Id(6)] IReadOnlyList<RoomMemberView> Members,
    [Id(7)] JsonPayload? State,
    [property: DataMember(Name = "stateMethod")] [Id(8)] string StateMethod,
    [property: DataMember(Name = "recentEvents")] [Id(9)] IReadOnlyList<RoomLogEntry>? RecentEvents = null);
