using System.Runtime.Serialization;

namespace OrleansGame.Grains.Abstractions.Wire;

/// <summary>A row of <c>GET /api/leaderboard</c>.</summary>
[GenerateSerializer, Immutable, Alias("game.LeaderboardEntry"), DataContract]
public sealed record LeaderboardEntry(
    [property: DataMember(Name = "playerId")] [Id(0)] string PlayerId,
    [property: DataMember(Name = "name")] [Id(1)] string Name,
    [property: DataMember(Name = "bestScore")] [Id(2)] int BestScore,
    [property: DataMember(Name = "wins")] [Id(3)] int Wins,
    [property: DataMember(Name = "gamesPlayed")] [Id(4)] int GamesPlayed);
