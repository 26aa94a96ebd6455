using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>A ping from the player's ping service; the client answers with a <see cref="PongMessage"/> of the same sequence.</summary>
[GenerateSerializer, Immutable, Alias("game.Ping"), DataContract]
public sealed record Ping(
    [property: DataMember(Name = "seq")] [Id(0)] long Seq,
    [property: DataMember(Name = "serverTime")] [Id(1)] long ServerTime);
