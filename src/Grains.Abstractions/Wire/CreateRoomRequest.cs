using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>The argument of <c>CreateRoom</c>.</summary>
[GenerateSerializer, Immutable, Alias("game.CreateRoomRequest"), DataContract]
public sealed record CreateRoomRequest(
    [property: DataMember(Name = "isPrivate")] [Id(0)] bool IsPrivate);
