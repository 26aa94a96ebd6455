using System.Runtime.Serialization;

namespace OrleansGame.Arena.Wire;

/// <summary>One player's final score in a round.</summary>
[DataContract]
public sealed record RoundResult(
    [property: DataMember(Name = "playerId")] string PlayerId,
    [property: DataMember(Name = "name")] string Name,
    [property: DataMember(Name = "score")] int Score);
