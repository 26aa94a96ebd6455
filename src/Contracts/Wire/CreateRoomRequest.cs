using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>The argument of <c>CreateRoom</c>: public or private, in <see cref="Mode"/>, with <see cref="Properties"/>.</summary>
[GenerateSerializer, Immutable, Alias("game.CreateRoomRequest"), DataContract]
public sealed record CreateRoomRequest(
    [property: DataMember(Name = "isPrivate")] [Id(0)] bool IsPrivate,
    [property: DataMember(Name = "mode")] [Id(1)] string? Mode = null,
    [property: DataMember(Name = "properties")] [Id(2)] IReadOnlyDictionary<string, string>? Properties = null);
