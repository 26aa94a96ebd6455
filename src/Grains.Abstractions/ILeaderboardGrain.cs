using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Abstractions;

/// <summary>The leaderboard (key 0): the top players by best score, ties by wins; persisted.</summary>
public interface ILeaderboardGrain : IGrainWithIntegerKey
{
    /// <summary>Updates players' rows after a round.</summary>
    Task ReportAsync(IReadOnlyList<LeaderboardEntry> entries);

    /// <summary>The best <paramref name="top"/> rows, best first.</summary>
    Task<IReadOnlyList<LeaderboardEntry>> GetTopAsync(int top);

    /// <summary>Empties the leaderboard (players' own stats stay); returns how many rows it held.</summary>
    Task<int> ResetAsync();
}
