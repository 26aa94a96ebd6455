using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>A rejected message: a stable <see cref="Code"/> from <see cref="ErrorCodes"/> and a human message.</summary>
[GenerateSerializer, Immutable, Alias("game.ErrorMessage"), DataContract]
public sealed record ErrorMessage(
    [property: DataMember(Name = "code")] [Id(0)] string Code,
    [property: DataMember(Name = "message")] [Id(1)] string Message);
