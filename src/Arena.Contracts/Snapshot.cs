using System.Runtime.Serialization;

namespace OrleansGame.Arena.Wire;

/// <summary>A room's state after one tick; every member receives the same instance.</summary>
/// <remarks><see cref="Orbs"/> holds only the orbs that moved this tick.</remarks>
[DataContract]
public sealed record Snapshot(
    [property: DataMember(Name = "roomId")] string RoomId,
    [property: DataMember(Name = "tick")] long Tick,
    [property: DataMember(Name = "serverTime")] long ServerTime,
    [property: DataMember(Name = "phase")] string Phase,
    [property: DataMember(Name = "remainingMs")] int RemainingMs,
    [property: DataMember(Name = "players")] IReadOnlyList<PlayerState> Players,
    [property: DataMember(Name = "orbs")] IReadOnlyList<OrbState> Orbs);
