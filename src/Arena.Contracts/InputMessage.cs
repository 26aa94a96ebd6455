using System.Runtime.Serialization;

namespace OrleansGame.Arena.Wire;

/// <summary>A steering input as the client sent it; fields are nullable so that a missing one is caught by validation.</summary>
[DataContract]
public sealed record InputMessage(
    [property: DataMember(Name = "seq")] long? Seq,
    [property: DataMember(Name = "dx")] double? Dx,
    [property: DataMember(Name = "dy")] double? Dy);
