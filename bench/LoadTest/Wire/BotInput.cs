using System.Runtime.Serialization;

namespace OrleansGame.LoadTest.Wire;

/// <summary>The <c>Input</c> a bot sends.</summary>
/// <param name="Seq">Increasing sequence.</param>
/// <param name="Dx">Direction x in [-1, 1].</param>
/// <param name="Dy">Direction y in [-1, 1].</param>
[DataContract]
internal sealed record BotInput(
    [property: DataMember(Name = "seq")] long Seq,
    [property: DataMember(Name = "dx")] double Dx,
    [property: DataMember(Name = "dy")] double Dy);
