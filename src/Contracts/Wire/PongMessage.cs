using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>The client's answer to a <see cref="Ping"/>.</summary>
[GenerateSerializer, Immutable, Alias("game.PongMessage"), DataContract]
public sealed record PongMessage(
    [property: DataMember(Name = "seq")] [Id(0)] long? Seq);
