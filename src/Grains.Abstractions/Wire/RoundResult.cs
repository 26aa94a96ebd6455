using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>One player's final score in a round.</summary>
[GenerateSerializer, Immutable, Alias("game.RoundResult"), DataContract]
public sealed record RoundResult(
    [property: DataMember(Name = "playerId")] [Id(0)] string PlayerId,
    [property: DataMember(Name = "name")] [Id(1)] string Name,
    [property: DataMember(Name = "score")] [Id(2)] int Score);
