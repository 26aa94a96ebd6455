using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>A steering input as the client sent it; fields are nullable so that a missing one is caught by validation.</summary>
[GenerateSerializer, Immutable, Alias("game.InputMessage"), DataContract]
public sealed record InputMessage(
    [property: DataMember(Name = "seq")] [Id(0)] long? Seq,
    [property: DataMember(Name = "dx")] [Id(1)] double? Dx,
    [property: DataMember(Name = "dy")] [Id(2)] double? Dy);
