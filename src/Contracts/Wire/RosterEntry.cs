using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>A seated player's id and display name.</summary>
[GenerateSerializer, Immutable, Alias("game.RosterEntry"), DataContract]
public sealed record RosterEntry(
    [property: DataMember(Name = "playerId")] [Id(0)] string PlayerId,
    [property: DataMember(Name = "name")] [Id(1)] string Name);
