using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>A player as the operations console shows it: the profile and stats, the seat held and the connection.</summary>
[GenerateSerializer, Immutable, Alias("game.PlayerView"), DataContract]
public sealed record PlayerView(
    [property: DataMember(Name = "profile")] [Id(0)] PlayerProfile Profile,
    [property: DataMember(Name = "currentRoom")] [Id(1)] string? CurrentRoom,
    [property: DataMember(Name = "connected")] [Id(2)] bool Connected,
    [property: DataMember(Name = "rttMs")] [Id(3)] int? RttMs);
