using System.Runtime.Serialization;
using OrleansGame.Rooms;

namespace OrleansGame.Arena.Wire;

/// <summary>One player's entry in a <see cref="Snapshot"/>: what changes every tick.</summary>
[DataContract]
public sealed record PlayerState(
    [property: DataMember(Name = "playerId")] string PlayerId,
    [property: DataMember(Name = "x"), Quantize(10)] double X,
    [property: DataMember(Name = "y"), Quantize(10)] double Y,
    [property: DataMember(Name = "score")] int Score,
    [property: DataMember(Name = "ackSeq")] long AckSeq,
    [property: DataMember(Name = "rttMs")] int RttMs,
    [property: DataMember(Name = "away")] bool Away);
