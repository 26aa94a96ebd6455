using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>A registered mode, as <c>GET /api/modes</c> lists it.</summary>
[GenerateSerializer, Immutable, Alias("game.ModeInfo"), DataContract]
public sealed record ModeInfo(
    [property: DataMember(Name = "name")] [Id(0)] string Name,
    [property: DataMember(Name = "capacity")] [Id(1)] int Capacity,
    [property: DataMember(Name = "tickRate")] [Id(2)] int TickRate,
    [property: DataMember(Name = "joinInProgress")] [Id(3)] bool JoinInProgress,
    [property: DataMember(Name = "isDefault")] [Id(4)] bool IsDefault);
