using System.Runtime.Serialization;

namespace OrleansGame.Arena.Wire;

/// <summary>One player's entry in a <see cref="Snapshot"/>: what changes every tick.</summary>
[DataContract]
public sealed record PlayerState(
    [property: DataMember(Name = "playerId")] string PlayerId,
    [property: DataMember(Name = "x")] double X,
    [property: DataMember(Name = "y")] double Y,
    [property: DataMember(Name = "score")] int Score,
    [property: DataMember(Name = "ackSeq")] long AckSeq,
    [property: DataMember(Name = "rttMs")] int RttMs,
    [property: DataMember(Name = "away")] bool Away);
