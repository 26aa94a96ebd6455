using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>A player's persisted profile and stats, as <c>GET /api/players/{playerId}</c> returns it.</summary>
[GenerateSerializer, Immutable, Alias("game.PlayerProfile"), DataContract]
public sealed record PlayerProfile(
    [property: DataMember(Name = "playerId")] [Id(0)] string PlayerId,
    [property: DataMember(Name = "name")] [Id(1)] string Name,
    [property: DataMember(Name = "gamesPlayed")] [Id(2)] int GamesPlayed,
    [property: DataMember(Name = "wins")] [Id(3)] int Wins,
    [property: DataMember(Name = "bestScore")] [Id(4)] int BestScore,
    [property: DataMember(Name = "totalOrbs")] [Id(5)] long TotalOrbs,
    [property: DataMember(Name = "createdAt")] [Id(6)] DateTimeOffset CreatedAt);
