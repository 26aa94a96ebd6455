using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>One player's entry in a <see cref="Snapshot"/>: what changes every tick.</summary>
[GenerateSerializer, Immutable, Alias("game.PlayerState"), DataContract]
public sealed record PlayerState(
    [property: DataMember(Name = "playerId")] [Id(0)] string PlayerId,
    [property: DataMember(Name = "x")] [Id(1)] double X,
    [property: DataMember(Name = "y")] [Id(2)] double Y,
    [property: DataMember(Name = "score")] [Id(3)] int Score,
    [property: DataMember(Name = "ackSeq")] [Id(4)] long AckSeq,
    [property: DataMember(Name = "rttMs")] [Id(5)] int RttMs,
    [property: DataMember(Name = "away")] [Id(6)] bool Away);
