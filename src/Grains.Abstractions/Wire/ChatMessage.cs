using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>A chat line relayed to every member of a room.</summary>
[GenerateSerializer, Immutable, Alias("game.ChatMessage"), DataContract]
public sealed record ChatMessage(
    [property: DataMember(Name = "playerId")] [Id(0)] string PlayerId,
    [property: DataMember(Name = "name")] [Id(1)] string Name,
    [property: DataMember(Name = "text")] [Id(2)] string Text,
    [property: DataMember(Name = "serverTime")] [Id(3)] long ServerTime);
