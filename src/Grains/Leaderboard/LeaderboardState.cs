using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Leaderboard;

/// <summary>The leaderboard's persisted rows, best first.</summary>
[GenerateSerializer, Alias("game.LeaderboardState")]
internal sealed class LeaderboardState
{
    /// <summary>The top rows, best first.</summary>
    [Id(0)]
    public List<LeaderboardEntry> Rows { get; set; } = [];
}
