using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>An orb's id and position, rounded to 0.1 unit.</summary>
[GenerateSerializer, Immutable, Alias("game.OrbState"), DataContract]
public sealed record OrbState(
    [property: DataMember(Name = "id")] [Id(0)] int Id,
    [property: DataMember(Name = "x")] [Id(1)] double X,
    [property: DataMember(Name = "y")] [Id(2)] double Y);
