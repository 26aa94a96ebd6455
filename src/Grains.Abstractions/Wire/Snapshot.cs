using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>A room's state after one tick; every member receives the same instance.</summary>
/// <remarks><see cref="Orbs"/> holds only the orbs that moved this tick.</remarks>
[GenerateSerializer, Immutable, Alias("game.Snapshot"), DataContract]
public sealed record Snapshot(
    [property: DataMember(Name = "roomId")] [Id(0)] string RoomId,
    [property: DataMember(Name = "tick")] [Id(1)] long Tick,
    [property: DataMember(Name = "serverTime")] [Id(2)] long ServerTime,
    [property: DataMember(Name = "phase")] [Id(3)] string Phase,
    [property: DataMember(Name = "remainingMs")] [Id(4)] int RemainingMs,
    [property: DataMember(Name = "players")] [Id(5)] IReadOnlyList<PlayerState> Players,
    [property: DataMember(Name = "orbs")] [Id(6)] IReadOnlyList<OrbState> Orbs);
