using System.Runtime.Serialization;

namespace OrleansGame.Arena.Wire;

/// <summary>A chat line relayed to every member of a room.</summary>
[DataContract]
public sealed record ChatMessage(
    [property: DataMember(Name = "playerId")] string PlayerId,
    [property: DataMember(Name = "name")] string Name,
    [property: DataMember(Name = "text")] string Text,
    [property: DataMember(Name = "serverTime")] long ServerTime);
